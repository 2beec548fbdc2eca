#include "config/Config.h"

#include <filesystem>

#include "common/Error.h"
#include "common/Hash.h"
#include "config/Loader.h"

namespace vgm::config {

Config Config::load(const std::string& path, const std::vector<std::string>& sets) {
    return Loader::loadFile(path, sets);
}

Config Config::fromJson(const Json& doc, const std::string& source, const std::vector<std::string>& sets) {
    return Loader::loadJson(doc, source, sets);
}

std::string Config::name() const {
    std::string n = resolved_.value("name", "");
    if (!n.empty()) return n;
    return std::filesystem::path(source_).stem().string();
}

std::string Config::hash() const { return hashString(resolved_.dump()); }

View Config::root() const { return View(this, &resolved_, ""); }

std::string Config::fileOf(const std::string& pointer) const {
    std::string best = source_;
    size_t bestLen = 0;
    for (const auto& [prefix, file] : origins_) {
        bool matches = pointer.compare(0, prefix.size(), prefix) == 0 &&
                       (pointer.size() == prefix.size() || pointer[prefix.size()] == '/');
        if (matches && prefix.size() >= bestLen) {
            best = file;
            bestLen = prefix.size();
        }
    }
    return best;
}

const Json& View::get(const std::string& key) const {
    if (!node_->is_object() || !node_->contains(key))
        throw std::logic_error("config: no resolved value at " + path(key));
    return (*node_)[key];
}

int64_t View::integer(const std::string& key) const { return get(key).get<int64_t>(); }
uint64_t View::count(const std::string& key) const {
    int64_t v = integer(key);
    if (v < 0) fail(key, std::to_string(v) + " is negative; allowed: an integer >= 0");
    return static_cast<uint64_t>(v);
}
double View::real(const std::string& key) const { return get(key).get<double>(); }
bool View::boolean(const std::string& key) const { return get(key).get<bool>(); }
std::string View::str(const std::string& key) const { return get(key).get<std::string>(); }
std::vector<int64_t> View::integers(const std::string& key) const { return get(key).get<std::vector<int64_t>>(); }

View View::operator[](const std::string& key) const { return View(cfg_, &get(key), path(key)); }
View View::at(size_t index) const {
    if (!node_->is_array() || index >= node_->size())
        throw std::logic_error("config: no element " + std::to_string(index) + " at " + path());
    return View(cfg_, &(*node_)[index], pointer_ + "/" + std::to_string(index));
}
size_t View::size() const { return node_->is_array() ? node_->size() : 0; }
bool View::has(const std::string& key) const { return node_->is_object() && node_->contains(key); }

void View::fail(const std::string& key, const std::string& message) const {
    std::string p = key.empty() ? path() : path(key);
    throwInput(cfg_ ? cfg_->fileOf(p) : "", p, message);
}

}  // namespace vgm::config
