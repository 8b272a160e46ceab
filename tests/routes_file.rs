//! The static build copies index.html to every route listed in scripts/routes.txt so deep
//! links answer 200 on a plain static host. This keeps that list equal to the app's routes.
#[test]
fn routes_file_lists_every_static_route() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/routes.txt"))
        .unwrap();
    let listed: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    assert_eq!(listed, scalelab::lessons::static_routes());
}
