#pragma once
// Constraint expressions over a design point, e.g.
//   "array.rows * array.cols <= 4096 && clock.fabric_mhz >= 200"
// Numbers, names (dotted config paths or resources.*), + - * / %, unary -
// and !, comparisons < <= > >= == !=, && ||, parentheses, true/false.
// Everything evaluates to a double; a comparison or logic gives 0 or 1.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vgm::dse {

class Expr {
public:
    // Throws InputError "<where>: <problem> at column C" on a syntax error.
    static Expr parse(const std::string& text, const std::string& where);

    using Lookup = std::function<std::optional<double>(const std::string& name)>;
    // Throws InputError naming the expression when a name is unknown.
    double eval(const Lookup& lookup) const;

    const std::vector<std::string>& names() const { return names_; }
    const std::string& text() const { return text_; }

    struct Node;

private:
    std::shared_ptr<const Node> root_;
    std::vector<std::string> names_;  // every name used, in order of appearance
    std::string text_, where_;
};

}  // namespace vgm::dse
