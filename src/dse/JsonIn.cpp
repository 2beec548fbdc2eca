#include "dse/JsonIn.h"

#include "common/Error.h"
#include "common/Files.h"
#include "common/Suggest.h"
#include "config/Loader.h"

namespace vgm::dse {

Json JsonIn::parseFile(const std::string& path) {
    return config::parseJsonText(readTextFile(path), path);
}

void JsonIn::fail(const std::string& message) const {
    throwInput(file_, path(), message);
}

void JsonIn::expectKeys(const std::vector<std::string>& allowed) const {
    if (!node_->is_object()) fail(jsonBrief(*node_) + " is " + jsonTypeName(*node_) + "; allowed: an object");
    for (auto it = node_->begin(); it != node_->end(); ++it) {
        bool known = false;
        for (const auto& a : allowed) known = known || a == it.key();
        if (!known)
            throwInput(
                file_, pointer_ + "/" + it.key(),
                "unknown key '" + it.key() + "'" + didYouMean(it.key(), allowed) + "; allowed: " + joinNames(allowed));
    }
}

void JsonIn::expectArray(size_t minItems) const {
    if (!node_->is_array()) fail(jsonBrief(*node_) + " is " + jsonTypeName(*node_) + "; allowed: an array");
    if (node_->size() < minItems)
        fail("has " + std::to_string(node_->size()) + " items; allowed: at least " + std::to_string(minItems));
}

bool JsonIn::has(const std::string& key) const {
    return node_->is_object() && node_->contains(key);
}

JsonIn JsonIn::operator[](const std::string& key) const {
    if (!has(key)) fail("missing required key '" + key + "'");
    return JsonIn((*node_)[key], file_, pointer_ + "/" + key);
}

JsonIn JsonIn::at(size_t i) const {
    return JsonIn((*node_)[i], file_, pointer_ + "/" + std::to_string(i));
}

size_t JsonIn::size() const {
    return node_->size();
}

std::string JsonIn::str() const {
    if (!node_->is_string()) fail(jsonBrief(*node_) + " is " + jsonTypeName(*node_) + "; allowed: a string");
    return node_->get<std::string>();
}

double JsonIn::number() const {
    if (!node_->is_number()) fail(jsonBrief(*node_) + " is " + jsonTypeName(*node_) + "; allowed: a number");
    return node_->get<double>();
}

int64_t JsonIn::integer() const {
    if (!node_->is_number_integer()) fail(jsonBrief(*node_) + " is " + jsonTypeName(*node_) + "; allowed: an integer");
    return node_->get<int64_t>();
}

bool JsonIn::boolean() const {
    if (!node_->is_boolean()) fail(jsonBrief(*node_) + " is " + jsonTypeName(*node_) + "; allowed: true or false");
    return node_->get<bool>();
}

std::vector<std::string> JsonIn::strings() const {
    expectArray();
    std::vector<std::string> out;
    for (size_t i = 0; i < size(); ++i) out.push_back(at(i).str());
    return out;
}

std::string JsonIn::str(const std::string& key, const std::string& def) const {
    return has(key) ? (*this)[key].str() : def;
}

double JsonIn::number(const std::string& key, double def) const {
    return has(key) ? (*this)[key].number() : def;
}

int64_t JsonIn::integer(const std::string& key, int64_t def) const {
    return has(key) ? (*this)[key].integer() : def;
}

}  // namespace vgm::dse
