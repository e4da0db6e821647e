#include "web/mustache.h"

#include <sstream>

#include "core/html.h"

namespace solipraxis::web::mustache {

using core::ErrorCode;
using core::make_error;

namespace {

enum class TokenType { kText, kVariable, kRaw, kOpen, kInverted, kClose, kPartial, kComment };

struct Token {
  TokenType type;
  std::string_view text;  // text, or the tag's name
  int line;
};

bool whitespace_only(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

core::Error fault(int line, const std::string& what) {
  return make_error(ErrorCode::kInvalidInput, "error.templates.invalid",
                    "line " + std::to_string(line) + ": " + what);
}

// Text is cut after every newline so that the standalone rule can look at lines.
void push_text(std::string_view text, int& line, std::vector<Token>& out) {
  while (!text.empty()) {
    const auto nl = text.find('\n');
    const std::size_t len = nl == std::string_view::npos ? text.size() : nl + 1;
    out.push_back({TokenType::kText, text.substr(0, len), line});
    if (nl != std::string_view::npos) ++line;
    text.remove_prefix(len);
  }
}

core::Result<std::vector<Token>> tokenize(std::string_view src) {
  std::vector<Token> out;
  int line = 1;
  while (!src.empty()) {
    const auto open = src.find("{{");
    push_text(src.substr(0, open), line, out);
    if (open == std::string_view::npos) break;
    if (src.substr(open, 3) == "{{{") {
      // Unescaped output only for the one name that holds render_markdown's output.
      const auto close3 = src.find("}}}", open + 3);
      const std::string_view name =
          close3 == std::string_view::npos ? std::string_view{} : trim(src.substr(open + 3, close3 - open - 3));
      if (name != kRawName) {
        return fault(line, "unsupported tag {{{" + std::string(name) + "}}}: only {{{" +
                               std::string(kRawName) + "}}}");
      }
      out.push_back({TokenType::kRaw, name, line});
      src.remove_prefix(close3 + 3);
      continue;
    }
    const auto close = src.find("}}", open + 2);
    if (close == std::string_view::npos) return fault(line, "tag without }}");
    std::string_view tag = trim(src.substr(open + 2, close - open - 2));
    src.remove_prefix(close + 2);
    TokenType type = TokenType::kVariable;
    const char sigil = tag.empty() ? '\0' : tag.front();
    switch (sigil) {
      case '#': type = TokenType::kOpen; break;
      case '^': type = TokenType::kInverted; break;
      case '/': type = TokenType::kClose; break;
      case '>': type = TokenType::kPartial; break;
      case '!': type = TokenType::kComment; break;
      case '{':
      case '&':
      case '=': return fault(line, "unsupported tag {{" + std::string(tag) + "}}");
      default: break;
    }
    if (type != TokenType::kVariable) tag = trim(tag.substr(1));
    if (tag.empty() && type != TokenType::kComment) return fault(line, "tag without a name");
    out.push_back({type, tag, line});
  }
  return out;
}

// Mustache's standalone rule: a line holding only section, partial or comment
// tags and whitespace leaves no trace in the output, not even its newline.
std::vector<Token> drop_standalone_lines(const std::vector<Token>& tokens) {
  std::vector<Token> out;
  std::size_t begin = 0;
  bool has_tag = false;
  bool has_content = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.type == TokenType::kText) {
      has_content = has_content || !whitespace_only(t.text);
    } else if (t.type == TokenType::kVariable || t.type == TokenType::kRaw) {
      has_content = true;
    } else {
      has_tag = true;
    }
    const bool eol = i + 1 == tokens.size() ||
                     (t.type == TokenType::kText && t.text.back() == '\n');
    if (!eol) continue;
    const bool standalone = has_tag && !has_content;
    for (std::size_t j = begin; j <= i; ++j) {
      if (standalone && tokens[j].type == TokenType::kText) continue;
      out.push_back(tokens[j]);
    }
    begin = i + 1;
    has_tag = has_content = false;
  }
  return out;
}

std::vector<std::string> split_name(std::string_view name) {
  std::vector<std::string> parts;
  if (name == ".") return {"."};
  while (true) {
    const auto dot = name.find('.');
    parts.emplace_back(name.substr(0, dot));
    if (dot == std::string_view::npos) return parts;
    name.remove_prefix(dot + 1);
  }
}

}  // namespace

core::Result<Nodes> parse(std::string_view source) {
  auto tokens = tokenize(source);
  if (!tokens) return tokens.error();
  Nodes root;
  struct Open {
    Nodes* nodes;
    std::string_view name;
    int line;
  };
  std::vector<Open> stack{{&root, {}, 0}};
  for (const Token& t : drop_standalone_lines(tokens.value())) {
    Nodes& nodes = *stack.back().nodes;
    switch (t.type) {
      case TokenType::kText:
        if (!nodes.empty() && nodes.back().kind == Node::Kind::kText) {
          nodes.back().text.append(t.text);
        } else {
          nodes.push_back({Node::Kind::kText, std::string(t.text), {}, {}});
        }
        break;
      case TokenType::kVariable:
        nodes.push_back({Node::Kind::kVariable, {}, split_name(t.text), {}});
        break;
      case TokenType::kRaw:
        nodes.push_back({Node::Kind::kRaw, {}, split_name(t.text), {}});
        break;
      case TokenType::kPartial:
        nodes.push_back({Node::Kind::kPartial, std::string(t.text), {}, {}});
        break;
      case TokenType::kOpen:
      case TokenType::kInverted:
        nodes.push_back({t.type == TokenType::kOpen ? Node::Kind::kSection : Node::Kind::kInverted,
                         {}, split_name(t.text), {}});
        stack.push_back({&nodes.back().children, t.text, t.line});
        break;
      case TokenType::kClose:
        if (stack.size() == 1 || stack.back().name != t.text) {
          return fault(t.line, "{{/" + std::string(t.text) + "}} closes no open section");
        }
        stack.pop_back();
        break;
      case TokenType::kComment: break;
    }
  }
  if (stack.size() > 1) {
    return fault(stack.back().line, "{{#" + std::string(stack.back().name) + "}} is not closed");
  }
  return root;
}

namespace {

// The member `name` of `n`; "." is any value that is not a map (as in mstch).
const mstch::node* member(const mstch::node& n, const std::string& name) {
  if (const auto* m = boost::get<mstch::map>(&n)) {
    const auto it = m->find(name);
    return it == m->end() ? nullptr : &it->second;
  }
  return name == "." ? &n : nullptr;
}

const mstch::node* lookup(const std::vector<std::string>& path,
                          const std::vector<const mstch::node*>& scopes) {
  const mstch::node* found = nullptr;
  for (auto it = scopes.rbegin(); it != scopes.rend() && !found; ++it) {
    found = member(**it, path.front());
  }
  for (std::size_t i = 1; found && i < path.size(); ++i) found = member(*found, path[i]);
  return found;
}

struct IsEmpty : boost::static_visitor<bool> {
  IsEmpty() {}
  bool operator()(std::nullptr_t) const { return true; }
  bool operator()(const std::string& s) const { return s.empty(); }
  bool operator()(int v) const { return v == 0; }
  bool operator()(double v) const { return v == 0; }
  bool operator()(bool v) const { return !v; }
  bool operator()(const mstch::array& a) const { return a.empty(); }
  template <class T>
  bool operator()(const T&) const {
    return false;
  }
};

struct AppendEscaped : boost::static_visitor<void> {
  explicit AppendEscaped(std::string& o) : out(o) {}
  std::string& out;
  void operator()(const std::string& s) const { core::append_html_escaped(out, s); }
  void operator()(int v) const { out += std::to_string(v); }
  void operator()(double v) const {
    std::ostringstream ss;
    ss << v;
    out += ss.str();
  }
  void operator()(bool v) const { out += v ? "true" : "false"; }
  template <class T>
  void operator()(const T&) const {}
};

// Partials may include partials; a cycle stops here instead of overflowing the stack.
constexpr int kMaxPartialDepth = 32;

void render_nodes(const Nodes& nodes, const Partials& partials,
                  std::vector<const mstch::node*>& scopes, std::string& out, int depth) {
  for (const Node& node : nodes) {
    switch (node.kind) {
      case Node::Kind::kText: out += node.text; break;
      case Node::Kind::kVariable:
        if (const auto* value = lookup(node.path, scopes)) {
          boost::apply_visitor(AppendEscaped(out), *value);
        }
        break;
      case Node::Kind::kRaw:
        if (const auto* value = lookup(node.path, scopes)) {
          if (const auto* html = boost::get<std::string>(value)) out += *html;
        }
        break;
      case Node::Kind::kPartial: {
        const auto it = partials.find(node.text);
        if (it != partials.end() && depth < kMaxPartialDepth) {
          render_nodes(it->second, partials, scopes, out, depth + 1);
        }
        break;
      }
      case Node::Kind::kInverted: {
        const auto* value = lookup(node.path, scopes);
        if (!value || boost::apply_visitor(IsEmpty(), *value)) {
          render_nodes(node.children, partials, scopes, out, depth);
        }
        break;
      }
      case Node::Kind::kSection: {
        const auto* value = lookup(node.path, scopes);
        if (!value || boost::apply_visitor(IsEmpty(), *value)) break;
        if (const auto* items = boost::get<mstch::array>(value)) {
          for (const auto& item : *items) {
            scopes.push_back(&item);
            render_nodes(node.children, partials, scopes, out, depth);
            scopes.pop_back();
          }
        } else {
          scopes.push_back(value);
          render_nodes(node.children, partials, scopes, out, depth);
          scopes.pop_back();
        }
        break;
      }
    }
  }
}

}  // namespace

Nodes bind(const Nodes& nodes, const mstch::node& constants) {
  Nodes out;
  std::vector<const mstch::node*> scopes{&constants};
  for (const Node& node : nodes) {
    Node bound = node;
    if (node.kind == Node::Kind::kVariable) {
      const auto* value = lookup(node.path, scopes);
      if (const auto* text = value ? boost::get<std::string>(value) : nullptr) {
        bound = Node{Node::Kind::kText, {}, {}, {}};
        core::append_html_escaped(bound.text, *text);
      }
    } else if (node.kind == Node::Kind::kSection || node.kind == Node::Kind::kInverted) {
      bound.children = bind(node.children, constants);
    }
    // Text next to text becomes one node, as the parser leaves it.
    if (bound.kind == Node::Kind::kText && !out.empty() && out.back().kind == Node::Kind::kText) {
      out.back().text += bound.text;
    } else {
      out.push_back(std::move(bound));
    }
  }
  return out;
}

void render(const Nodes& nodes, const Partials& partials,
            std::vector<const mstch::node*>& scopes, std::string& out) {
  render_nodes(nodes, partials, scopes, out, 0);
}

}  // namespace solipraxis::web::mustache
