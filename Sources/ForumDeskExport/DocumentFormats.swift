import Foundation

/// Writes a document as Markdown, plain text, or a standalone printable HTML page.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case markdown = "md", text, html

    public var fileExtension: String { self == .text ? "txt" : rawValue }

    public func render(_ lines: [DocumentLine], title: String) -> String {
        // Documents are opened in browsers and word processors but also `cat` to terminals and mailed on:
        // no text from the data may carry a control or a bidi override into them.
        let lines = lines.map { line in
            var line = line
            line.text = line.text.withoutControls
            line.foreign = line.foreign?.withoutControls
            line.bars = line.bars.map { DocumentLine.Bar($0.label.withoutControls, $0.value) }
            return line
        }
        let title = title.withoutControls
        return switch self {
        case .text:
            lines.flatMap { $0.kind == .chart ? [$0.text] + $0.chartLines : [$0.text] }.joined(separator: "\n") + "\n"
        case .markdown: Self.markdown(lines)
        case .html: Self.html(lines, title: title)
        }
    }

    /// Characters Markdown would read as formatting, escaped so user text shows as typed (CommonMark §2.4: any
    /// ASCII punctuation may be backslash-escaped). The one escape of every Markdown ForumDesk writes.
    public static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>|#".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// A line of text that Markdown must not read as a block of its own: a leading "-", "+", "=", or
    /// "12." / "12)" would start a list or underline a heading.
    static func escapeMarkdownLine(_ text: String) -> String {
        let escaped = escapeMarkdown(text)
        guard let first = escaped.first else { return escaped }
        if "-+=".contains(first) { return "\\" + escaped }
        let digits = escaped.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = escaped.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + escaped.dropFirst(digits.count)
        }
        return escaped
    }

    /// Indented lines (names, actions) become list items; a "Resolved:" outcome is bold-led, as in the minutes.
    /// A blank line separates a list from the paragraph after it, or CommonMark would read the paragraph as
    /// a lazy continuation of the last item ("**Resolved:**" swallowed into the bullet above).
    static func markdown(_ lines: [DocumentLine]) -> String {
        enum Block { case none, list, paragraph }
        var out: [String] = []
        var block = Block.none
        func start(_ next: Block) {
            if block != .none, block != next, out.last != "" { out.append("") }
            block = next
        }
        for line in lines {
            let text = line.text.trimmingCharacters(in: .whitespaces)
            switch line.kind {
            case .title:
                start(.none)
                out.append("# " + escapeMarkdown(text))
            case .heading:
                start(.none)
                out += ["## " + escapeMarkdown(text)]
            case .subheading:
                start(.none)
                out.append("### " + escapeMarkdown(text))
            case .resolved:
                start(.paragraph)
                if out.last != "" && out.last.map({ !$0.hasPrefix("#") }) == true { out.append("") }
                let rest = text.hasPrefix("Resolved:") ? String(text.dropFirst("Resolved:".count)) : " " + text
                out.append("**Resolved:**" + escapeMarkdown(rest))
                out.append("")
                block = .none
            case .body where line.text.hasPrefix("  "):
                start(.list)
                out.append("- " + escapeMarkdown(text))
            case .body:
                start(.paragraph)
                out.append(escapeMarkdownLine(text) + "  ")
            case .blank:
                if out.last != "" { out.append("") }
                block = .none
            case .chart:
                start(.none)
                if out.last != "" { out.append("") }
                out += ["**" + escapeMarkdown(text) + "**", "", "```"] + line.chartLines + ["```", ""]
                block = .none
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    static func escapeHTML(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// The community languages of the council's notices, by script: text in one of these scripts is marked
    /// with its language and direction, so a browser shapes and lays it out right (Urdu right to left).
    static func scriptLanguage(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0980...0x09FF: "bn"
        case 0x0A00...0x0A7F: "pa"
        case 0x0A80...0x0AFF: "gu"
        case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: "ur"
        default: nil
        }
    }

    static func direction(_ language: String) -> String {
        ["ur", "ar", "fa", "ps", "sd", "ug", "yi", "he", "dv"].contains(language) ? "rtl" : "ltr"
    }

    static func span(_ escaped: String, _ language: String) -> String {
        "<span lang=\"\(language)\" dir=\"\(direction(language))\">\(escaped)</span>"
    }

    /// Escaped text with every run in a community script wrapped in a span with its `lang` and `dir`.
    /// Spaces and punctuation between two letters of one script stay in that script's run.
    static func htmlRuns(_ text: String) -> String {
        var out = "", run = "", pending = ""
        var language: String?
        func flush() {
            if let language { out += span(escapeHTML(run), language) } else { out += escapeHTML(run) }
            run = ""
        }
        for character in text {
            let scalar = character.unicodeScalars.first!
            if let script = scriptLanguage(scalar) {
                if script != language {
                    flush()
                    out += escapeHTML(pending)
                    pending = ""
                    language = script
                }
                run += pending + String(character)
                pending = ""
            } else if language != nil, !character.isLetter,
                !character.isNumber || scalar.properties.generalCategory == .decimalNumber,
                !character.isASCII || " ,.:;!?()-'\"".contains(character)
            {
                pending.append(character)  // neutral: belongs to the run only if the script goes on after it
            } else {
                if language != nil {
                    flush()
                    language = nil
                    run = pending
                    pending = ""
                }
                run.append(character)
            }
        }
        flush()
        return out + escapeHTML(pending)
    }

    /// A line's text for HTML: its foreign part in its own language, the rest with community scripts marked.
    static func htmlText(_ line: DocumentLine) -> String {
        let text = line.text.trimmingCharacters(in: .whitespaces)
        if let foreign = line.foreign, let language = line.language, text.hasSuffix(foreign) {
            return htmlRuns(String(text.dropLast(foreign.count))) + span(escapeHTML(foreign), language)
        }
        return htmlRuns(text)
    }

    /// A horizontal bar chart as inline SVG that scales to any width (a `viewBox`, no fixed size: at 320 CSS pixels it
    /// shrinks rather than being cut off), followed by its figures as a table, which a screen reader reads and which
    /// stays readable however narrow the page (WCAG 1.1.1, 1.4.10). The drawing itself is hidden from screen readers.
    static func svg(_ line: DocumentLine) -> String {
        // Each label sits on its own line above its bar, so no label of any length is drawn under a bar.
        let rowHeight = 36, barWidth = 360
        let top = max(1, line.bars.map(\.value).max() ?? 1)
        func number(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        }
        // Wide enough for the longest label (about 7.5 units a character at font size 13) and the number after the bar.
        let width = max(
            barWidth + 48, (line.bars.map { Int((Double($0.label.count) * 7.5).rounded(.up)) }.max() ?? 0) + 4)
        let height = line.bars.count * rowHeight + 4
        var parts = [
            "<figure><figcaption>\(escapeHTML(line.text))</figcaption>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" preserveAspectRatio=\"xMinYMin meet\" "
                + "aria-hidden=\"true\" focusable=\"false\" style=\"width:100%;max-width:\(width)px;height:auto\">",
        ]
        for (i, bar) in line.bars.enumerated() {
            let y = i * rowHeight + 2
            let length = Int(bar.value / top * Double(barWidth))
            parts.append("<text x=\"0\" y=\"\(y + 13)\" font-size=\"13\">\(escapeHTML(bar.label))</text>")
            parts.append("<rect x=\"0\" y=\"\(y + 17)\" width=\"\(length)\" height=\"14\" fill=\"#4a6fa5\"/>")
            parts.append("<text x=\"\(length + 6)\" y=\"\(y + 29)\" font-size=\"13\">\(number(bar.value))</text>")
        }
        parts.append("</svg>")
        parts.append(
            "<table class=\"chart-data\"><caption>\(escapeHTML(line.text)): the figures</caption>"
                + "<thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Value</th></tr></thead><tbody>"
                + line.bars.map {
                    "<tr><th scope=\"row\">\(escapeHTML($0.label))</th><td>\(number($0.value))</td></tr>"
                }.joined()
                + "</tbody></table>")
        parts.append("</figure>")
        return parts.joined(separator: "\n")
    }

    /// XHTML-compatible (every element closed), so any XML parser can check it; print-friendly styles.
    static func html(_ lines: [DocumentLine], title: String) -> String {
        let body = htmlBody(lines)
        let style =
            "body{font-family:Georgia,serif;max-width:48rem;margin:2rem auto;line-height:1.4;color:#111}"
            + "h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.6rem;text-transform:uppercase}h3{font-size:1rem}"
            + "ul{list-style:none;padding-left:1rem}.resolved{margin-left:1rem}figure{margin:1rem 0}svg{max-width:100%;height:auto}"
            // The charts' tables of figures, in the documents that have charts (the report).
            + (lines.contains { $0.kind == .chart }
                ? ".chart-data{border-collapse:collapse;margin-top:.5rem}.chart-data th,.chart-data td{border:1px solid #999;padding:.2rem .5rem;text-align:left}"
                : "")
            + "@page{size:A4;margin:20mm 18mm}@media print{body{margin:0;max-width:none}h2,h3{break-after:avoid}figure,li{break-inside:avoid}}"
        return """
            <!DOCTYPE html>
            <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta charset="utf-8"/>
            <title>\(escapeHTML(title))</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// The document's lines as HTML elements (headings, paragraphs, lists, charts): the exported papers and the
    /// public site's report page put them in their own page frames.
    /// `top`: the level of the title's heading (1), lower inside a page that has its own (the site's minutes).
    static func htmlBody(_ lines: [DocumentLine], top: Int = 1) -> [String] {
        var body: [String] = []
        var inList = false
        func closeList() {
            if inList { body.append("</ul>") }
            inList = false
        }
        for line in lines {
            let text = htmlText(line)
            if line.kind == .body, line.text.hasPrefix("  ") {
                if !inList { body.append("<ul>") }
                inList = true
                body.append("<li>\(text)</li>")
                continue
            }
            closeList()
            switch line.kind {
            case .title: body.append("<h\(top)>\(text)</h\(top)>")
            case .heading: body.append("<h\(top + 1)>\(text)</h\(top + 1)>")
            case .subheading: body.append("<h\(top + 2)>\(text)</h\(top + 2)>")
            case .resolved:
                let rest = text.hasPrefix("Resolved:") ? String(text.dropFirst("Resolved:".count)) : " " + text
                body.append("<p class=\"resolved\"><strong>Resolved:</strong>\(rest)</p>")
            case .body: body.append("<p>\(text)</p>")
            case .blank: break
            case .chart: body.append(svg(line))
            }
        }
        closeList()
        return body
    }
}

extension String {
    /// C0, C1 and DEL, and the bidi embeddings, overrides and isolates that can reorder what a reader sees,
    /// each shown as U+FFFD. A line break (a spreadsheet cell's) is one space, not a placeholder.
    var withoutControls: String {
        guard unicodeScalars.contains(where: Self.isUnsafe) else { return self }
        let lines = split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        return String(
            String.UnicodeScalarView(
                lines.joined(separator: " ").unicodeScalars.map { Self.isUnsafe($0) ? "\u{FFFD}" : $0 }))
    }

    /// The embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder the text around them.
    static func isBidiOverride(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        // The marks (U+200E, U+200F, U+061C) stay: Urdu titles carry them and they reorder nothing around them.
        case 0..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

extension Character {
    /// C0 and C1 controls and DEL (a CR LF pair is one Character and counts too).
    var isControlCharacter: Bool {
        unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }
    }
}
