#pragma once
#include <string>
#include <vector>

namespace vgm {

// The candidate closest to `word` by edit distance, or "" if none is close.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "" — appended to unknown-name errors.
std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates);

// "a, b, c" for listing what is allowed.
std::string joinNames(const std::vector<std::string>& names, const std::string& sep = ", ");

}  // namespace vgm
