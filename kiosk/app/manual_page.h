// The kiosk(1) manual page, as roff: its synopsis and options come from the option table
// (app/options.h), the same rows --help prints, so the two cannot drift apart. What --help does not
// say (signals, files, exit status) is written here. Does NOT read files or know the date.
#pragma once
#include <string>
#include <string_view>

namespace kiosk::app {

// The whole page; VERSION goes into its header line ("kiosk 0.2.0").
std::string manual_page(std::string_view version);

// TEXT for roff: backslashes and hyphens escaped, option names ("--size") in bold, and a line that
// would start with '.' or '\'' kept from being read as a request.
std::string roff_escape(std::string_view text);

}  // namespace kiosk::app
