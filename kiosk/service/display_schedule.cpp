#include "service/display_schedule.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kiosk::app {

namespace {

constexpr double kDay = 86400.0;
constexpr double kNever = std::numeric_limits<double>::infinity();

double second_of_day(double local) {
    const double s = std::fmod(local, kDay);
    return s < 0.0 ? s + kDay : s;
}

bool schedule_active(const DisplayParams& params) {
    return params.schedule && params.on_minute != params.off_minute;
}

// The first time after `local` at which the schedule flips (on or off).
double next_schedule_edge(const DisplayParams& params, double local) {
    if (!schedule_active(params)) return kNever;
    const double day_start = local - second_of_day(local);
    double next = kNever;
    for (int minute : {params.on_minute, params.off_minute}) {
        double edge = day_start + minute * 60.0;
        if (edge <= local) edge += kDay;
        next = std::min(next, edge);
    }
    return next;
}

}  // namespace

int parse_clock_time(const std::string& text) {
    if (text.size() != 5 || text[2] != ':') return -1;
    for (size_t i : {0u, 1u, 3u, 4u})
        if (text[i] < '0' || text[i] > '9') return -1;
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return -1;
    return hours * 60 + minutes;
}

bool scheduled_on(const DisplayParams& params, double local_now) {
    if (!schedule_active(params)) return true;
    const double now = second_of_day(local_now);
    const double on = params.on_minute * 60.0, off = params.off_minute * 60.0;
    if (on < off) return now >= on && now < off;
    return now >= on || now < off;  // on across midnight
}

PixelShift burn_in_shift(const DisplayParams& params, double local_now) {
    const int r = params.shift_px;
    if (r <= 0 || !(params.shift_period_s > 0.0)) return {};
    const long side = 2L * r + 1, cells = side * side;
    const long cycle = 2 * cells - 2;  // there and back, without repeating either end
    long step = long(std::fmod(std::floor(local_now / params.shift_period_s), double(cycle)));
    if (step < 0) step += cycle;
    const long index = step < cells ? step : cycle - step;
    const long row = index / side;
    long column = index % side;
    if (row % 2 == 1) column = side - 1 - column;  // serpentine: neighbours in order are neighbours on screen
    return PixelShift{int(column - r), int(row - r)};
}

DisplayState display_state(const DisplayParams& params, double local_now, double last_touch) {
    DisplayState state;
    const bool by_schedule = scheduled_on(params, local_now);
    const double wake_end = last_touch >= 0.0 ? last_touch + params.wake_s : -kNever;
    const bool by_touch = last_touch >= 0.0 && local_now >= last_touch && local_now < wake_end;
    state.on = by_schedule || by_touch;
    state.woken = state.on && !by_schedule;
    state.shift = burn_in_shift(params, local_now);

    double next = next_schedule_edge(params, local_now);
    if (by_touch) next = std::min(next, wake_end);
    if (state.on && params.shift_px > 0 && params.shift_period_s > 0.0)
        next = std::min(next, (std::floor(local_now / params.shift_period_s) + 1.0) * params.shift_period_s);
    state.next_change = next;
    return state;
}

}  // namespace kiosk::app
