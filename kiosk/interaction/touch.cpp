#include "interaction/touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk::app {

namespace {
float distance(float ax, float ay, float bx, float by) { return std::hypot(ax - bx, ay - by); }
}  // namespace

void TouchRecognizer::velocity_at(double release, float& vx, float& vy) const {
    vx = vy = 0.0f;
    if (trace_.size() < 2) return;
    const Trace& newest = trace_.back();
    if (release - newest.time > params_.stop_before_release_s) return;  // it stopped, then lifted
    const Trace* oldest = &newest;
    for (const Trace& t : trace_)
        if (t.time >= newest.time - params_.velocity_window_s) {
            oldest = &t;
            break;
        }
    const double span = newest.time - oldest->time;
    if (span < 1e-3) return;
    vx = static_cast<float>((newest.x - oldest->x) / span);
    vy = static_cast<float>((newest.y - oldest->y) / span);
    const float limit = params_.max_speed_mm_s * params_.px_per_mm;
    const float speed = std::hypot(vx, vy);
    if (speed > limit) {
        vx *= limit / speed;
        vy *= limit / speed;
    }
}

Gesture TouchRecognizer::end_with(GestureType type, double now) {
    Gesture gesture;
    gesture.type = type;
    gesture.time = now;
    gesture.x = down_x_;
    gesture.y = down_y_;
    gesture.duration = now - down_time_;
    state_ = State::Idle;
    trace_.clear();
    others_.clear();
    return gesture;
}

Gesture TouchRecognizer::cancel(double now) {
    if (state_ == State::Idle) return {};
    if (state_ == State::Dragging) {
        Gesture end = end_with(GestureType::DragEnd, now);  // the page stays where it is: no velocity
        return end;
    }
    return end_with(GestureType::Cancel, now);
}

Gesture TouchRecognizer::feed(const PointerSample& sample) {
    Gesture none;
    none.time = sample.time;
    const float slop = params_.tap_slop_mm * params_.px_per_mm;

    if (sample.phase == ContactPhase::Cancel) return cancel(sample.time);

    // A contact other than the one driving the gesture (only when the platform reports ids).
    if (state_ != State::Idle && sample.pointer != primary_) {
        if (sample.phase == ContactPhase::Down) {
            if (std::find(others_.begin(), others_.end(), sample.pointer) == others_.end())
                others_.push_back(sample.pointer);
            second_contact_ = true;
            const State before = state_;
            state_ = State::Frozen;
            trace_.clear();
            if (before == State::Dragging) {
                Gesture end = none;
                end.type = GestureType::DragEnd;  // hold the page where it is
                end.duration = sample.time - down_time_;
                return end;
            }
            if (before == State::Pressed) {
                Gesture cancelled = none;
                cancelled.type = GestureType::Cancel;
                return cancelled;
            }
        } else if (sample.phase == ContactPhase::Up) {
            others_.erase(std::remove(others_.begin(), others_.end(), sample.pointer), others_.end());
            if (others_.empty() && primary_ < 0) state_ = State::Idle;  // the last finger lifted
        }
        return none;
    }

    switch (sample.phase) {
        case ContactPhase::Down: {
            // A Down while a gesture runs (a lost Up) starts afresh: the new press is what counts.
            state_ = State::Pressed;
            primary_ = sample.pointer;
            others_.clear();
            down_x_ = last_x_ = sample.x;
            down_y_ = last_y_ = sample.y;
            last_step_ = 0.0f;
            down_time_ = sample.time;
            second_contact_ = false;
            trace_.clear();
            trace_.push_back({sample.time, sample.x, sample.y});
            Gesture press = none;
            press.type = GestureType::Press;
            press.x = sample.x;
            press.y = sample.y;
            return press;
        }
        case ContactPhase::Move: {
            if (state_ == State::Idle || state_ == State::Frozen) return none;  // hover, or frozen
            const float step = distance(sample.x, sample.y, last_x_, last_y_);
            const bool leap = step > params_.jump_mm * params_.px_per_mm && step > params_.jump_ratio * last_step_;
            last_step_ = step;
            if (leap) {
                // Another contact or a palm took the pointer: move nothing.
                second_contact_ = true;
                last_x_ = sample.x;
                last_y_ = sample.y;
                trace_.clear();
                trace_.push_back({sample.time, sample.x, sample.y});
                if (state_ == State::Pressed) {
                    // Not yet a drag: nothing to carry on; ignore the rest until the finger lifts.
                    state_ = State::Frozen;
                    Gesture cancelled = none;
                    cancelled.type = GestureType::Cancel;
                    cancelled.x = down_x_;
                    cancelled.y = down_y_;
                    cancelled.duration = sample.time - down_time_;
                    return cancelled;
                }
                return none;  // a drag carries on from here
            }
            if (state_ == State::Pressed) {
                if (distance(sample.x, sample.y, down_x_, down_y_) <= slop) {
                    trace_.push_back({sample.time, sample.x, sample.y});
                    return none;
                }
                // Crossing the slop starts the drag with the movement beyond the slop, so the page
                // neither jumps by the slop nor loses the rest of this sample.
                state_ = State::Dragging;
                const float dx = sample.x - down_x_, dy = sample.y - down_y_;
                const float beyond = 1.0f - slop / std::max(1e-3f, distance(sample.x, sample.y, down_x_, down_y_));
                last_x_ = sample.x;
                last_y_ = sample.y;
                trace_.push_back({sample.time, sample.x, sample.y});
                Gesture begin = none;
                begin.type = GestureType::DragBegin;
                begin.x = down_x_;
                begin.y = down_y_;
                begin.step_x = dx * beyond;
                begin.step_y = dy * beyond;
                return begin;
            }
            Gesture drag = none;
            drag.type = GestureType::Drag;
            drag.step_x = sample.x - last_x_;
            drag.step_y = sample.y - last_y_;
            last_x_ = sample.x;
            last_y_ = sample.y;
            trace_.push_back({sample.time, sample.x, sample.y});
            while (trace_.size() > 2 && trace_.front().time < sample.time - 2.0 * params_.velocity_window_s)
                trace_.erase(trace_.begin());
            return drag;
        }
        case ContactPhase::Up: {
            if (state_ == State::Idle) return none;
            if (state_ == State::Frozen) {
                primary_ = -1;  // wait for the other contacts to lift
                if (others_.empty()) state_ = State::Idle;
                return none;
            }
            if (state_ == State::Dragging) {
                // The Up's own position may differ from the last Move (X11 sends both); count it.
                const float leap = distance(sample.x, sample.y, last_x_, last_y_);
                if (leap > 0.0f && leap <= params_.jump_mm * params_.px_per_mm)
                    trace_.push_back({sample.time, sample.x, sample.y});
                float vx = 0.0f, vy = 0.0f;
                velocity_at(sample.time, vx, vy);
                Gesture end = end_with(GestureType::DragEnd, sample.time);
                end.velocity_x = vx;
                end.velocity_y = vy;
                return end;
            }
            // Pressed: a tap only when it stayed near, was short, and no second contact was seen.
            const bool near = distance(sample.x, sample.y, down_x_, down_y_) <= slop;
            const double held = sample.time - down_time_;
            if (!near || second_contact_) return end_with(GestureType::Cancel, sample.time);
            return end_with(held >= params_.long_press_s ? GestureType::LongPress : GestureType::Tap, sample.time);
        }
        case ContactPhase::Cancel: break;
    }
    return none;
}

}  // namespace kiosk::app
