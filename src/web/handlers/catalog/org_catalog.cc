// The org's catalog pages (see org_catalog.h). Labels come from web/i18n ("catalog.org.*"),
// catalog text from the data, own entries from the Store; everything goes through {{x}}.
#include "web/handlers/catalog/org_catalog.h"

#include <charconv>

#include "store/catalog.h"
#include "store/orgs.h"
#include "store/store.h"
#include "web/handlers/catalog/catalog_common.h"
#include "web/handlers/catalog/catalog_store.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/catalog/org_catalog_form.h"
#include "web/handlers/common/params.h"
#include "web/i18n.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {

using namespace catalog_common;
using catalog_store::OrgCatalogView;

constexpr std::size_t kLabelChars = 70;

// A short, one-line label of an item for button names ("Nach oben: Wer definiert ...").
std::string short_label(const cat::Item& it, cat::Lang lang) {
  std::string s = it.title.get(lang).empty() ? it.text.get(lang) : it.title.get(lang);
  for (char& ch : s)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  if (s.size() <= kLabelChars) return s;
  std::size_t cut = s.rfind(' ', kLabelChars);
  if (cut == std::string::npos || cut < kLabelChars / 2) {
    cut = kLabelChars;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  }
  return s.substr(0, cut) + " …";
}

std::string group_heading(const Services& s, const Request& req, cat::Kind kind) {
  switch (kind) {
    case cat::Kind::kQuestion: return tr(s, req, "catalog.questions.heading");
    case cat::Kind::kApproach: return tr(s, req, "catalog.approaches.heading");
    default: return tr(s, req, "catalog.resources.heading");
  }
}

// The page's catalog: phases with their groups. `edit` adds the buttons' data.
mstch::array phases_view(const Services& s, const Request& req, const cat::Catalog& c,
                         const OrgCatalogView& view, const std::string& slug, bool edit) {
  const cat::Lang lang = lang_of(req);
  mstch::array phases;
  for (const cat::Phase& p : c.phases) {
    mstch::array groups;
    bool any = false;
    for (cat::Kind kind : catalog_store::kOrgKinds) {
      auto items = catalog_store::org_group(c, view, p.number, kind, edit);
      mstch::array rows;
      for (std::size_t i = 0; i < items.size(); ++i) {
        const cat::Item& it = *items[i];
        const bool own = it.id.starts_with(store::kOwnEntryPrefix);
        std::string url;
        if (const cat::Entry* e = c.entry(it.id)) url = e->url;
        for (const auto& oe : view.data.entries)
          if (own && oe.entry_id() == it.id) url = oe.url;
        mstch::map row{{"id", it.id},
                       {"title", it.title.get(lang)},
                       {"has_title", !it.title.get(lang).empty()},
                       {"text", it.text.get(lang)},
                       {"url", url},
                       {"has_url", !url.empty()},
                       {"own", own},
                       {"label", short_label(it, lang)}};
        if (edit) {
          row.emplace("hidden", view.hidden(it.id));
          row.emplace("first", i == 0);
          row.emplace("last", i + 1 == items.size());
          if (own) {
            const std::string base = "/o/" + slug + "/praxis/entries/" +
                                     it.id.substr(store::kOwnEntryPrefix.size());
            row.emplace("edit_url", base + "/edit");
            row.emplace("delete_url", base + "/delete");
          }
        }
        rows.push_back(std::move(row));
      }
      any = any || !rows.empty();
      groups.push_back(mstch::map{{"heading", group_heading(s, req, kind)},
                                  {"kind", std::string(cat::kind_name(kind))},
                                  {"is_question", kind == cat::Kind::kQuestion},
                                  {"entries", rows},
                                  {"has_entries", !rows.empty()}});
    }
    phases.push_back(mstch::map{{"number", p.number},
                                {"roman", cat::roman_numeral(p.number)},
                                {"title", p.title.get(lang)},
                                {"groups", groups},
                                {"has_entries", any}});
  }
  return phases;
}

mstch::array filter_options(const Services& s, const Request& req, const cat::Catalog& c,
                            const Filters& f, bool phases) {
  const cat::Lang lang = lang_of(req);
  mstch::array out;
  if (phases) {
    for (const cat::Phase& p : c.phases)
      out.push_back(mstch::map{{"value", std::to_string(p.number)},
                               {"label", cat::roman_numeral(p.number) + " " + p.title.get(lang)},
                               {"selected", f.phase == p.number}});
    return out;
  }
  for (cat::Kind k : {cat::Kind::kQuestion, cat::Kind::kApproach, cat::Kind::kResource,
                      cat::Kind::kBox, cat::Kind::kPrinciple, cat::Kind::kMethod})
    out.push_back(mstch::map{{"value", std::string(cat::kind_name(k))},
                             {"label", tr(s, req, std::string("catalog.kind.") + cat::kind_name(k))},
                             {"selected", f.has_kind && f.kind == k}});
  return out;
}

std::string notice_key(std::string_view saved) {
  for (const char* k : {"created", "updated", "deleted", "hidden", "shown", "moved"})
    if (saved == k) return std::string("catalog.org.saved.") + k;
  return {};
}

// What every editor action needs: the editor's membership, the catalog and the org's view.
struct EditorCtx {
  auth::Membership m;
  const cat::Catalog* catalog = nullptr;
  OrgCatalogView view;
};

template <typename Fn>
Response as_editor(auth::Auth& auth, Request& req, Fn fn) {
  Services& s = auth.services();
  auto m = auth.require_member(req, req.param("org"), store::Role::kEditor);
  if (!m) return m.response();
  if (!s.catalog) return error_response(s, req, 503, "error.catalog.unavailable");
  auto view = catalog_store::load_org_catalog(s.store, m->org.id);
  if (!view) return error_response(s, req, view.error());
  EditorCtx ctx{*m, &s.catalog->current(), std::move(view).value()};
  return fn(ctx);
}

struct EditView {
  std::string notice_key;
  std::string error_key;
  store::OrgCatalogEntry form;  // the add form's values (kept after an error)
  int status = 200;
};

Response render_edit(auth::Auth& auth, const Request& req, const EditorCtx& ctx,
                     const EditView& v) {
  Services& s = auth.services();
  mstch::map data = org_page_data(s, req, ctx.m);
  data.emplace("title", tr(s, req, "catalog.org.edit.title"));
  data.emplace("phases", phases_view(s, req, *ctx.catalog, ctx.view, ctx.m.org.slug, true));
  mstch::array own;
  const cat::Lang lang = lang_of(req);
  for (const cat::Item& it : ctx.view.own) {
    const std::string base = "/o/" + ctx.m.org.slug + "/praxis/entries/" +
                             it.id.substr(store::kOwnEntryPrefix.size());
    own.push_back(mstch::map{
        {"id", it.id},
        {"label", short_label(it, lang)},
        {"where", tr(s, req, std::string("catalog.kind.") + cat::kind_name(it.kind)) + " · " +
                      tr(s, req, "catalog.phase.label") + " " +
                      cat::roman_numeral(it.phases.front())},
        {"edit_url", base + "/edit"},
        {"delete_url", base + "/delete"}});
  }
  data.emplace("own", own);
  data.emplace("has_own", !own.empty());
  data.emplace("form", entry_form_view(s, req, *ctx.catalog, v.form));
  if (!v.notice_key.empty()) data.emplace("notice", tr(s, req, v.notice_key));
  if (!v.error_key.empty()) data.emplace("error", tr(s, req, v.error_key));
  return render(s, req, "pages/org_praxis_edit", std::move(data), v.status);
}

// A refused change: the store's reason on the page (or an error page when the store is down).
Response refused(auth::Auth& auth, const Request& req, const EditorCtx& ctx, const core::Error& e,
                 store::OrgCatalogEntry form = {}) {
  if (e.code != core::ErrorCode::kInvalidInput && e.code != core::ErrorCode::kNotFound &&
      !store::is_storage_fault(e.key))
    return error_response(auth.services(), req, e);
  return render_edit(auth, req, ctx,
                     EditView{{}, e.key, std::move(form), http_status(e.code)});
}

Response redirect_edit(const EditorCtx& ctx, std::string_view saved, std::string_view anchor = {}) {
  std::string url = "/o/" + ctx.m.org.slug + "/praxis/edit?saved=" + std::string(saved);
  if (!anchor.empty()) url += "#row-" + std::string(anchor);
  return Response::redirect(url);
}

Response render_entry(auth::Auth& auth, const Request& req, const EditorCtx& ctx,
                      const store::OrgCatalogEntry& e, bool confirm_delete,
                      const std::string& error_key = {}, int status = 200) {
  Services& s = auth.services();
  mstch::map data = org_page_data(s, req, ctx.m);
  data.emplace("title", tr(s, req, confirm_delete ? "catalog.org.delete.title"
                                                  : "catalog.org.entry.title"));
  data.emplace("confirm_delete", confirm_delete);
  data.emplace("form", entry_form_view(s, req, *ctx.catalog, e));
  data.emplace("entry_id", std::to_string(e.id));
  data.emplace("label", short_label(catalog_store::own_item(e), lang_of(req)));
  if (!error_key.empty()) data.emplace("error", tr(s, req, error_key));
  return render(s, req, "pages/org_praxis_entry", std::move(data), status);
}

// GET of one own entry: its edit form, or the question whether to delete it.
Response entry_page(auth::Auth& auth, Request& req, bool confirm_delete) {
  return as_editor(auth, req, [&](const EditorCtx& ctx) {
    auto id = parse_id(req.param("id"));
    if (!id) return auth.error(req, 404, "catalog.error.not_found");
    auto e = auth.services().store.catalog().org_catalog_entry(ctx.m.org.id, *id);
    if (!e) return error_response(auth.services(), req, e.error());
    return render_entry(auth, req, ctx, *e, confirm_delete);
  });
}

}  // namespace

Response org_praxis(auth::Auth& auth, Request& req) {
  Services& s = auth.services();
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  if (!s.catalog) return error_response(s, req, 503, "error.catalog.unavailable");
  const cat::Catalog& c = s.catalog->current();
  auto view = catalog_store::load_org_catalog(s.store, m->org.id);
  if (!view) return error_response(s, req, view.error());
  Filters f;
  std::string key;
  if (!parse_filters(c, req, f, key)) return error_response(s, req, 400, key);
  const std::string q = req.query.value("q");
  mstch::map data = org_page_data(s, req, *m);
  data.emplace("title", tr(s, req, "catalog.org.title"));
  data.emplace("q", q);
  data.emplace("phase_options", filter_options(s, req, c, f, true));
  data.emplace("kind_options", filter_options(s, req, c, f, false));
  data.emplace("version_line",
               format_message(tr(s, req, "catalog.version"), {{"n", std::to_string(c.version)}}));
  const bool searched = q.find_first_not_of(" \t") != std::string::npos;
  data.emplace("searched", searched);
  if (searched) {
    auto found = catalog_store::search(s.store, *s.catalog, c, store_query(req, q, f), m->org.id, &*view);
    if (!found) return error_response(s, req, found.error());
    data.emplace("results", result_views(s, req, *found, q, m->org.slug));
    data.emplace("has_results", !found->empty());
    data.emplace("summary", format_message(tr(s, req, "catalog.search.results"),
                                           {{"n", std::to_string(found->size())}, {"q", q}}));
  } else {
    data.emplace("phases", phases_view(s, req, c, *view, m->org.slug, false));
    data.emplace("hidden_count", std::to_string(view->data.hidden.size()));
    data.emplace("has_hidden", !view->data.hidden.empty());
  }
  return render(s, req, "pages/org_praxis", std::move(data));
}

Response org_praxis_edit(auth::Auth& auth, Request& req) {
  return as_editor(auth, req, [&](const EditorCtx& ctx) {
    return render_edit(auth, req, ctx, EditView{notice_key(req.query.value("saved")), {}, {}, 200});
  });
}

Response org_praxis_create(auth::Auth& auth, Request& req) {
  return as_editor(auth, req, [&](const EditorCtx& ctx) {
    auto form = parse_urlencoded(req.body);
    if (!form) return auth.error(req, 400, "error.http.bad_request");
    store::OrgCatalogEntry e = entry_from_form(*form);
    auto made = auth.services().store.catalog().create_org_catalog_entry(ctx.m.org.id, e, web_actor(ctx.m));
    if (!made) return refused(auth, req, ctx, made.error(), e);
    return redirect_edit(ctx, "created", made->entry_id());
  });
}

Response org_praxis_entry_page(auth::Auth& auth, Request& req) {
  return entry_page(auth, req, false);
}

Response org_praxis_update(auth::Auth& auth, Request& req) {
  return as_editor(auth, req, [&](const EditorCtx& ctx) {
    auto id = parse_id(req.param("id"));
    if (!id) return auth.error(req, 404, "catalog.error.not_found");
    auto form = parse_urlencoded(req.body);
    if (!form) return auth.error(req, 400, "error.http.bad_request");
    store::OrgCatalogEntry e = entry_from_form(*form);
    e.id = *id;
    auto saved = auth.services().store.catalog().update_org_catalog_entry(ctx.m.org.id, e, web_actor(ctx.m));
    if (!saved) {
      if (saved.error().code != core::ErrorCode::kInvalidInput &&
          !store::is_storage_fault(saved.error().key))
        return error_response(auth.services(), req, saved.error());
      return render_entry(auth, req, ctx, e, false, saved.error().key,
                          http_status(saved.error().code));
    }
    return redirect_edit(ctx, "updated", saved->entry_id());
  });
}

Response org_praxis_delete_page(auth::Auth& auth, Request& req) {
  return entry_page(auth, req, true);
}

Response org_praxis_delete(auth::Auth& auth, Request& req) {
  return as_editor(auth, req, [&](const EditorCtx& ctx) {
    auto id = parse_id(req.param("id"));
    if (!id) return auth.error(req, 404, "catalog.error.not_found");
    auto st = auth.services().store.catalog().delete_org_catalog_entry(ctx.m.org.id, *id, web_actor(ctx.m));
    if (!st) return error_response(auth.services(), req, st.error());
    return redirect_edit(ctx, "deleted");
  });
}

Response org_praxis_hide(auth::Auth& auth, Request& req) {
  return as_editor(auth, req, [&](const EditorCtx& ctx) {
    auto form = parse_urlencoded(req.body);
    if (!form) return auth.error(req, 400, "error.http.bad_request");
    const std::string id = form->value("entry_id");
    const bool hide = form->value("hidden") == "1";
    if (auto st = check_hideable(*ctx.catalog, id); !st) return refused(auth, req, ctx, st.error());
    auto st = auth.services().store.catalog().set_catalog_entry_hidden(ctx.m.org.id, id, hide,
                                                             web_actor(ctx.m));
    if (!st) return refused(auth, req, ctx, st.error());
    return redirect_edit(ctx, hide ? "hidden" : "shown", id);
  });
}

Response org_praxis_move(auth::Auth& auth, Request& req) {
  return as_editor(auth, req, [&](const EditorCtx& ctx) {
    auto form = parse_urlencoded(req.body);
    if (!form) return auth.error(req, 400, "error.http.bad_request");
    const std::string id = form->value("entry_id");
    const std::string dir = form->value("dir");
    if (dir != "up" && dir != "down") return auth.error(req, 400, "error.http.bad_request");
    auto st = catalog_store::move_in_group(auth.services().store, web_actor(ctx.m), ctx.m.org.id,
                                           *ctx.catalog, ctx.view, id, dir == "up" ? -1 : 1);
    if (!st) return refused(auth, req, ctx, st.error());
    return redirect_edit(ctx, "moved", id);
  });
}

}  // namespace solipraxis::web::handlers
