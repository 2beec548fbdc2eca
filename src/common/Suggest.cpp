#include "common/Suggest.h"

#include <algorithm>

namespace vgm {

static size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t bestDist = std::max<size_t>(2, word.size() / 2) + 1;
    for (const auto& c : candidates) {
        // A prefix ("fabric" for "fabric_mhz") is as good a hint as a typo.
        bool prefix = word.size() >= 3 && (c.rfind(word, 0) == 0 || word.rfind(c, 0) == 0);
        size_t d = prefix ? 1 : editDistance(word, c);
        if (d < bestDist) {
            bestDist = d;
            best = c;
        }
    }
    return best;
}

std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates) {
    std::string m = closestMatch(word, candidates);
    return m.empty() ? "" : "; did you mean '" + m + "'?";
}

std::string joinNames(const std::vector<std::string>& names, const std::string& sep) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) out += (i ? sep : "") + names[i];
    return out;
}

}  // namespace vgm
