#include "report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <sstream>

namespace kiosk::bench {

void Report::number(const std::string& name, double value) { numbers_[name] = value; }
void Report::text(const std::string& name, const std::string& value) { texts_[name] = value; }

std::optional<double> Report::number(const std::string& name) const {
    const auto found = numbers_.find(name);
    if (found == numbers_.end()) return std::nullopt;
    return found->second;
}

std::string Report::text(const std::string& name) const {
    const auto found = texts_.find(name);
    return found == texts_.end() ? std::string() : found->second;
}

std::string Report::line(const std::string& name, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return "n " + name + " " + buffer + "\n";
}

std::string Report::line(const std::string& name, const std::string& value) {
    std::string flat = value;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    return "s " + name + " " + flat + "\n";
}

void Report::read_lines(const std::string& lines, const std::string& prefix) {
    std::istringstream in(lines);
    for (std::string entry; std::getline(in, entry);) {
        if (entry.size() < 4 || entry[1] != ' ') continue;
        const size_t space = entry.find(' ', 2);
        if (space == std::string::npos) continue;
        const std::string name = prefix + entry.substr(2, space - 2);
        const std::string value = entry.substr(space + 1);
        if (entry[0] == 'n') number(name, std::strtod(value.c_str(), nullptr));
        else if (entry[0] == 's') text(name, value);
    }
}

namespace {

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) out += ' ';
        else out += c;
    }
    return out + "\"";
}

std::string json_number(double value) {
    if (!std::isfinite(value)) return "null";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

struct Node {
    std::map<std::string, Node> children;
    std::optional<std::string> value;  // already JSON
};

void insert(Node& root, const std::string& name, const std::string& value) {
    Node* node = &root;
    size_t start = 0;
    for (size_t dot; (dot = name.find('.', start)) != std::string::npos; start = dot + 1)
        node = &node->children[name.substr(start, dot - start)];
    node->children[name.substr(start)].value = value;
}

void write(const Node& node, int depth, std::string& out) {
    if (node.value) {
        out += *node.value;
        return;
    }
    out += "{";
    bool first = true;
    for (const auto& [key, child] : node.children) {
        out += first ? "\n" : ",\n";
        first = false;
        out += std::string(static_cast<size_t>(depth + 1) * 2, ' ') + quoted(key) + ": ";
        write(child, depth + 1, out);
    }
    out += "\n" + std::string(static_cast<size_t>(depth) * 2, ' ') + "}";
}

}  // namespace

std::string Report::json() const {
    Node root;
    for (const auto& [name, value] : numbers_) insert(root, name, json_number(value));
    for (const auto& [name, value] : texts_) insert(root, name, quoted(value));
    std::string out;
    write(root, 0, out);
    return out + "\n";
}

Summary summarise(std::vector<double> values) {
    Summary summary;
    if (values.empty()) return summary;
    std::sort(values.begin(), values.end());
    const auto rank = [&](double p) {
        const size_t index = static_cast<size_t>(std::ceil(p * static_cast<double>(values.size()))) - 1;
        return values[std::min(index, values.size() - 1)];
    };
    summary.count = static_cast<int>(values.size());
    summary.median = rank(0.5);
    summary.p99 = rank(0.99);
    summary.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    summary.max = values.back();
    return summary;
}

}  // namespace kiosk::bench
