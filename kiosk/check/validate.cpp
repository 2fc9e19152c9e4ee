#include "check/validate.h"

#include <utility>

namespace kiosk::check {

void validate(content::LoadResult& loaded, const ValidateParams& params) {
    try {
        std::vector<core::Fault> found = picture_faults(loaded, params);
        for (core::Fault& fault : content::check_wording(loaded)) found.push_back(std::move(fault));
        for (core::Fault& fault : glyph_faults(loaded)) found.push_back(std::move(fault));
        for (core::Fault& fault : found) loaded.faults.push_back(std::move(fault));
    } catch (const std::exception& error) {
        // Out of memory in a check: the bundle parsed, so showing it is still better than nothing.
        core::Fault fault = core::make_fault(core::FaultCode::FileUnreadable, "", 0, 0,
                                             std::string("the bundle could not be checked in full: ") + error.what());
        fault.severity = core::Severity::Warning;
        loaded.faults.push_back(std::move(fault));
    }
    loaded.usable = !core::has_errors(loaded.faults);
}

content::LoadResult load_and_validate_dir(const std::string& dir, const ValidateParams& params) {
    content::LoadResult loaded = content::load_bundle_dir(dir);
    validate(loaded, params);
    return loaded;
}

content::LoadResult load_and_validate_builtin() {
    content::LoadResult loaded = content::load_builtin_bundle();
    validate(loaded);
    return loaded;
}

}  // namespace kiosk::check
