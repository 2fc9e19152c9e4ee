// The figures a benchmark collects, by dotted name ("headless.1x.scroll.frame_cpu_ms.median"), and
// their two outputs: JSON nested along the dots, and lookups for the printed table. Child processes
// hand their figures over as text lines ("n NAME VALUE" / "s NAME TEXT"). Also the statistics used
// on frame samples. Does NOT print tables itself or decide what a figure means.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::bench {

class Report {
public:
    void number(const std::string& name, double value);
    void text(const std::string& name, const std::string& value);
    std::optional<double> number(const std::string& name) const;
    std::string text(const std::string& name) const;   // "" when missing

    // The lines a child writes, and reading them back under `prefix` (e.g. "headless.1x.").
    static std::string line(const std::string& name, double value);
    static std::string line(const std::string& name, const std::string& value);
    void read_lines(const std::string& lines, const std::string& prefix);

    std::string json() const;                           // objects nested along the dots, sorted

private:
    std::map<std::string, double> numbers_;
    std::map<std::string, std::string> texts_;
};

struct Summary {
    double median = 0.0, p99 = 0.0, mean = 0.0, max = 0.0;
    int count = 0;
};
// Nearest-rank percentiles of `values` (copied, then sorted).
Summary summarise(std::vector<double> values);

}  // namespace kiosk::bench
