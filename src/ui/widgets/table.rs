//! Plain data tables: the text alternative of every chart, the summary of every run, and
//! the source of CSV exports.
use leptos::prelude::*;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl DataTable {
    pub fn new(columns: &[&str]) -> Self {
        DataTable {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        }
    }
    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }
    /// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        for row in std::iter::once(&self.columns).chain(self.rows.iter()) {
            let line: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}

#[component]
pub fn DataTableView(
    #[prop(into)] table: Signal<DataTable>,
    #[prop(into)] caption: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="data-table">
                <caption>{move || caption.get()}</caption>
                <thead>
                    <tr>
                        {move || {
                            table.with(|t| t.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view())
                        }}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        table.with(|t| {
                            t.rows
                                .iter()
                                .map(|row| {
                                    let mut cells = row.iter();
                                    let head = cells.next().cloned().unwrap_or_default();
                                    view! {
                                        <tr>
                                            <th scope="row">{head}</th>
                                            {cells.map(|c| view! { <td>{c.clone()}</td> }).collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </tbody>
            </table>
        </div>
    }
}
