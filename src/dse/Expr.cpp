#include "dse/Expr.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "common/Error.h"

namespace vgm::dse {

struct Expr::Node {
    enum Kind { Num, Name, Unary, Binary } kind = Num;
    double value = 0;
    std::string text;  // name, or operator
    std::shared_ptr<const Node> a, b;
    int height = 1;  // longest path to a leaf: bounds evaluation's (and destruction's) recursion
};

namespace {

using NodeP = std::shared_ptr<const Expr::Node>;

// Deeper trees (((((1))))), 1+1+...+1, ----1) are refused: parsing, evaluating
// and freeing them recurse once per level.
constexpr int kMaxExprDepth = 100;

class Parser {
public:
    Parser(const std::string& s, const std::string& where, std::vector<std::string>& names)
        : s_(s), where_(where), names_(names) {}

    NodeP parseAll() {
        NodeP n = binary(0);
        skip();
        if (pos_ < s_.size()) fail("unexpected '" + s_.substr(pos_, 1) + "'");
        return n;
    }

private:
    // Precedence levels, loosest first.
    const std::vector<std::vector<std::string>>& levels() {
        static const std::vector<std::vector<std::string>> l = {
            {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}};
        return l;
    }

    // Counts the parser's own recursion through parentheses and unary operators.
    struct Nest {
        Parser& p;
        explicit Nest(Parser& parser) : p(parser) {
            if (++p.nest_ > kMaxExprDepth) p.tooDeep();
        }
        ~Nest() { --p.nest_; }
    };

    [[noreturn]] void tooDeep() const {
        fail("nests deeper than " + std::to_string(kMaxExprDepth) + " levels (operators chained or parenthesised)");
    }

    NodeP checked(std::shared_ptr<Expr::Node> n) {
        n->height = 1 + std::max(n->a ? n->a->height : 0, n->b ? n->b->height : 0);
        if (n->height > kMaxExprDepth) tooDeep();
        return n;
    }

    NodeP binary(size_t level) {
        if (level == levels().size()) return unary();
        NodeP left = binary(level + 1);
        while (true) {
            skip();
            std::string op;
            for (const auto& cand : levels()[level])
                if (s_.compare(pos_, cand.size(), cand) == 0) {
                    op = cand;
                    break;
                }
            if (op.empty()) return left;
            pos_ += op.size();
            auto n = std::make_shared<Expr::Node>();
            n->kind = Expr::Node::Binary;
            n->text = op;
            n->a = left;
            n->b = binary(level + 1);
            left = checked(n);
        }
    }

    NodeP unary() {
        skip();
        if (pos_ < s_.size() && (s_[pos_] == '-' || s_[pos_] == '!') && s_.compare(pos_, 2, "!=") != 0) {
            auto n = std::make_shared<Expr::Node>();
            n->kind = Expr::Node::Unary;
            n->text = std::string(1, s_[pos_++]);
            Nest nest(*this);
            n->a = unary();
            return checked(n);
        }
        return primary();
    }

    NodeP primary() {
        skip();
        if (pos_ >= s_.size()) fail("expression ends early");
        auto n = std::make_shared<Expr::Node>();
        char c = s_[pos_];
        if (c == '(') {
            ++pos_;
            Nest nest(*this);
            NodeP inner = binary(0);
            skip();
            if (pos_ >= s_.size() || s_[pos_] != ')') fail("missing ')'");
            ++pos_;
            return inner;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
            char* end = nullptr;
            n->value = std::strtod(s_.c_str() + pos_, &end);
            if (end == s_.c_str() + pos_) fail("bad number");
            pos_ = static_cast<size_t>(end - s_.c_str());
            return n;
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            size_t start = pos_;
            while (pos_ < s_.size() &&
                   (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_' || s_[pos_] == '.'))
                ++pos_;
            std::string word = s_.substr(start, pos_ - start);
            if (word == "true" || word == "false") {
                n->value = word == "true";
                return n;
            }
            n->kind = Expr::Node::Name;
            n->text = word;
            names_.push_back(word);
            return n;
        }
        fail("unexpected '" + std::string(1, c) + "'");
    }

    void skip() {
        while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw InputError(where_ + ": " + what + " at column " + std::to_string(pos_ + 1) + " of \"" + s_ +
                         "\"; allowed: numbers, config paths, + - * / % < <= > >= == != && || ! ( )");
    }

    const std::string& s_;
    const std::string& where_;
    std::vector<std::string>& names_;
    size_t pos_ = 0;
    int nest_ = 0;
};

double evalNode(const Expr::Node& n, const Expr::Lookup& lookup, const std::string& where, const std::string& text) {
    switch (n.kind) {
        case Expr::Node::Num:
            return n.value;
        case Expr::Node::Name: {
            auto v = lookup(n.text);
            if (!v)
                throw InputError(
                    where + ": unknown name '" + n.text + "' in \"" + text +
                    "\"; allowed: axis paths, numeric config paths, resources.{dsp,lut,ff,bram36,uram,fits}");
            return *v;
        }
        case Expr::Node::Unary: {
            double a = evalNode(*n.a, lookup, where, text);
            return n.text == "-" ? -a : (a == 0 ? 1.0 : 0.0);
        }
        case Expr::Node::Binary:
            break;
    }
    const std::string& op = n.text;
    double a = evalNode(*n.a, lookup, where, text);
    if (op == "&&" && a == 0) return 0;  // short-circuit: the right side may name something absent
    if (op == "||" && a != 0) return 1;
    double b = evalNode(*n.b, lookup, where, text);
    if (op == "&&" || op == "||") return b != 0;
    if (op == "+") return a + b;
    if (op == "-") return a - b;
    if (op == "*") return a * b;
    if (op == "/") return a / b;
    if (op == "%") return std::fmod(a, b);
    if (op == "<") return a < b;
    if (op == "<=") return a <= b;
    if (op == ">") return a > b;
    if (op == ">=") return a >= b;
    if (op == "==") return a == b;
    return a != b;
}

}  // namespace

Expr Expr::parse(const std::string& text, const std::string& where) {
    Expr e;
    e.text_ = text;
    e.where_ = where;
    Parser p(e.text_, where, e.names_);
    e.root_ = p.parseAll();
    return e;
}

double Expr::eval(const Lookup& lookup) const {
    return evalNode(*root_, lookup, where_, text_);
}

}  // namespace vgm::dse
