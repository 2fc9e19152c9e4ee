#include "app/check_command.h"

#include <cstdio>

#include "check/report.h"
#include "check/validate.h"

namespace kiosk::app {

int run_check(const Options& options) {
    const bool builtin = options.content_dir.empty();
    const content::LoadResult loaded =
        builtin ? check::load_and_validate_builtin()
                : check::load_and_validate_dir(options.content_dir, check::ValidateParams{.decode_pictures = true});
    const std::string origin = builtin ? "built-in" : options.content_dir;
    const std::string report =
        options.json ? check::report_json(loaded.faults, origin, loaded.bundle.manifest.languages) : check::report_text(loaded.faults, origin);
    std::fwrite(report.data(), 1, report.size(), stdout);
    std::fflush(stdout);
    return loaded.usable ? 0 : 1;
}

}  // namespace kiosk::app
