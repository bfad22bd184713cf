/// The site's one stylesheet: system fonts, no fixed widths (text reflows at 400% zoom), colours of at least
/// 4.5:1 contrast (text) and 3:1 (focus, borders), a visible focus ring, and an A4 print layout.
enum SiteStyle {
    static let css = """
        *, *::before, *::after { box-sizing: border-box; }
        html { font-size: 100%; }
        body { margin: 0; font-family: system-ui, "Noto Sans", Arial, sans-serif; line-height: 1.5; color: #1b1b1b; background: #fff; }
        a { color: #0b4f8a; }
        a:visited { color: #5b2a86; }
        a:hover { color: #072f55; background: #e8f0f8; }
        a:focus, [tabindex]:focus { outline: 3px solid #b35c00; outline-offset: 2px; }
        .skip { position: absolute; left: -999em; }
        .skip:focus { position: static; display: block; padding: 0.5rem 1rem; background: #fff; color: #0b4f8a; }
        header.site { background: #0b3d6b; color: #fff; padding: 0.75rem 1rem; }
        header.site a, header.site a:visited { color: #fff; }
        header.site a:focus { outline-color: #ffd27a; }
        .site-name { margin: 0 0 0.5rem; font-size: 1.25rem; font-weight: bold; }
        header.site ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
        .crumbs ol { list-style: none; margin: 0; padding: 0.5rem 1rem; display: flex; flex-wrap: wrap; gap: 0 0.5rem; font-size: 0.95rem; }
        .crumbs li + li::before { content: "›"; margin-right: 0.5rem; color: #555; }
        main { display: block; max-width: 60rem; padding: 0 1rem 2rem; }
        main:focus { outline: none; }
        h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0; }
        h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; border-bottom: 2px solid #0b3d6b; }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
        p, li, dd { overflow-wrap: anywhere; }
        dl.facts { display: grid; grid-template-columns: minmax(6rem, max-content) 1fr; gap: 0.25rem 1rem; }
        dl.facts dt { font-weight: bold; }
        dl.facts dd { margin: 0; }
        .notice { border-left: 6px solid #b35c00; padding: 0.5rem 1rem; background: #fff4e5; }
        .resolved { font-weight: bold; }
        .id { white-space: nowrap; }
        .languages p { margin: 0.25rem 0; }
        [dir="rtl"] { unicode-bidi: isolate; }
        .table { overflow-x: auto; margin: 1rem 0; }
        table { border-collapse: collapse; min-width: 100%; }
        caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
        th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid #767676; }
        thead th { border-bottom: 2px solid #1b1b1b; }
        figure { margin: 1rem 0; }
        svg { max-width: 100%; height: auto; }
        footer.site { border-top: 1px solid #767676; padding: 1rem; font-size: 0.95rem; }
        @media (min-width: 40rem) { main, .crumbs ol, header.site, footer.site { padding-left: 2rem; padding-right: 2rem; } }
        @page { size: A4; margin: 18mm 16mm; }
        @media print {
          body { font-size: 11pt; color: #000; }
          .skip, header.site nav, .crumbs, footer.site a { display: none; }
          header.site { background: none; color: #000; padding: 0; }
          header.site a, header.site a:visited, a, a:visited { color: #000; text-decoration: none; }
          main { max-width: none; padding: 0; }
          .table { overflow: visible; }
          h2, h3 { break-after: avoid; }
          tr, li, figure { break-inside: avoid; }
          thead { display: table-header-group; }
        }

        """
}
