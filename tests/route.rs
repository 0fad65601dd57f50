//! Where a page is (`route`): the root, the language and the partner read from any path the
//! site can be served at, and every state written back as a path the build has made.

use jakarta_sister_cities::i18n::Lang;
use jakarta_sister_cities::model::PartnerId;
use jakarta_sister_cities::route::{href, page_dir, parse_path, up_to_root, PagePath};
use jakarta_sister_cities::url_state::{Filters, Query, View};

fn page(root: &str, lang: Lang, partner: Option<&str>) -> PagePath {
    PagePath {
        root: root.to_owned(),
        lang,
        partner: partner.map(PartnerId::from),
    }
}

#[test]
fn reads_the_root_the_language_and_the_partner_under_any_sub_path() {
    for root in ["/", "/jakarta-sister-cities/", "/a/b/c/"] {
        assert_eq!(parse_path(root), page(root, Lang::Id, None));
        assert_eq!(
            parse_path(&format!("{root}index.html")),
            page(root, Lang::Id, None)
        );
        assert_eq!(
            parse_path(&format!("{root}en/")),
            page(root, Lang::En, None)
        );
        assert_eq!(parse_path(&format!("{root}en")), page(root, Lang::En, None));
        assert_eq!(
            parse_path(&format!("{root}partners/tokyo/")),
            page(root, Lang::Id, Some("tokyo"))
        );
        assert_eq!(
            parse_path(&format!("{root}en/partners/kuala-lumpur/index.html")),
            page(root, Lang::En, Some("kuala-lumpur"))
        );
        assert_eq!(
            parse_path(&format!("{root}en/partners/tokyo")),
            page(root, Lang::En, Some("tokyo"))
        );
    }
}

#[test]
fn a_path_it_does_not_know_is_a_root() {
    // Not a partner id: the segments stay part of the root.
    assert_eq!(
        parse_path("/x/partners/Not%20an%20id/"),
        page("/x/partners/Not%20an%20id/", Lang::Id, None)
    );
    assert_eq!(parse_path(""), page("/", Lang::Id, None));
    assert_eq!(parse_path("/partners/"), page("/partners/", Lang::Id, None));
}

#[test]
fn the_query_of_an_older_link_wins_over_the_path() {
    let path = parse_path("/atlas/partners/tokyo/");
    let query = path.query("?lang=en&partner=seoul&sector=waste");
    assert_eq!(query.lang, Some(Lang::En));
    assert_eq!(query.partner.as_deref(), Some("seoul"));
    let query = path.query("?sector=waste");
    assert_eq!(query.lang, Some(Lang::Id));
    assert_eq!(query.partner.as_deref(), Some("tokyo"));
}

#[test]
fn writes_the_language_and_partner_in_the_path_and_the_rest_in_the_query() {
    let query = Query {
        lang: Some(Lang::En),
        partner: Some("tokyo".into()),
        view: Some(View::List),
        filters: Filters {
            q: "banjir rob".into(),
            ..Filters::default()
        },
        ..Query::default()
    };
    assert_eq!(
        href("/atlas/", &query),
        "/atlas/en/partners/tokyo/?q=banjir%20rob&view=list"
    );
    assert_eq!(
        href("../../", &query),
        "../../en/partners/tokyo/?q=banjir%20rob&view=list"
    );
    assert_eq!(href("/atlas/", &Query::default()), "/atlas/");
    assert_eq!(
        href(
            "/atlas/",
            &Query {
                lang: Some(Lang::Id),
                ..Query::default()
            }
        ),
        "/atlas/"
    );
    // From the root page itself, the root is "./".
    assert_eq!(href("", &Query::default()), "./");
}

#[test]
fn every_written_address_reads_back_as_the_same_state() {
    let partners = [None, Some("tokyo"), Some("new-south-wales")];
    for lang in [Lang::Id, Lang::En] {
        for partner in partners {
            for search in ["", "sector=waste&view=list", "q=a%26b"] {
                let mut query = Query::parse(search);
                query.lang = Some(lang);
                query.partner = partner.map(PartnerId::from);
                let written = href("/jakarta-sister-cities/", &query);
                let (path, search) = written.split_once('?').unwrap_or((&written, ""));
                assert_eq!(parse_path(path).query(search), query, "{written}");
            }
        }
    }
}

#[test]
fn the_build_writes_each_page_where_its_address_points() {
    assert_eq!(page_dir(Lang::Id, None), "");
    assert_eq!(page_dir(Lang::En, None), "en/");
    assert_eq!(page_dir(Lang::Id, Some(&"tokyo".into())), "partners/tokyo/");
    assert_eq!(
        page_dir(Lang::En, Some(&"tokyo".into())),
        "en/partners/tokyo/"
    );
    assert_eq!(up_to_root(Lang::Id, None), "");
    assert_eq!(up_to_root(Lang::En, None), "../");
    assert_eq!(up_to_root(Lang::Id, Some(&"tokyo".into())), "../../");
    assert_eq!(up_to_root(Lang::En, Some(&"tokyo".into())), "../../../");
    // Going up from each page's directory lands on the root.
    for (lang, partner) in [(Lang::Id, None), (Lang::En, Some("seoul"))] {
        let partner = partner.map(PartnerId::from);
        let dir = page_dir(lang, partner.as_ref());
        assert_eq!(
            dir.matches('/').count(),
            up_to_root(lang, partner.as_ref()).matches("../").count()
        );
    }
}
