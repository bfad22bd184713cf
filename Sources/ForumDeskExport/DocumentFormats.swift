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
            line.bars = line.bars.map { DocumentLine.Bar($0.label.withoutControls, $0.value) }
            return line
        }
        let title = title.withoutControls
        return switch self {
        case .text: lines.flatMap { $0.kind == .chart ? [$0.text] + $0.chartLines : [$0.text] }.joined(separator: "\n") + "\n"
        case .markdown: Self.markdown(lines)
        case .html: Self.html(lines, title: title)
        }
    }

    /// Characters Markdown would read as formatting, escaped so user text shows as typed.
    static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>|#".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Indented lines (names, actions) become list items; a "Resolved:" outcome is bold-led, as in the minutes.
    static func markdown(_ lines: [DocumentLine]) -> String {
        var out: [String] = []
        for line in lines {
            let text = line.text.trimmingCharacters(in: .whitespaces)
            switch line.kind {
            case .title: out.append("# " + escapeMarkdown(text))
            case .heading: out += ["## " + escapeMarkdown(text)]
            case .subheading: out.append("### " + escapeMarkdown(text))
            case .resolved:
                let rest = text.hasPrefix("Resolved:") ? String(text.dropFirst("Resolved:".count)) : " " + text
                out.append("**Resolved:**" + escapeMarkdown(rest))
            case .body: out.append(line.text.hasPrefix("  ") ? "- " + escapeMarkdown(text) : escapeMarkdown(text) + "  ")
            case .blank: out.append("")
            case .chart: out += ["**" + escapeMarkdown(text) + "**", "", "```"] + line.chartLines + ["```"]
            }
        }
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

    /// A horizontal bar chart as inline SVG, with a title for screen readers.
    static func svg(_ line: DocumentLine) -> String {
        let rowHeight = 22, labelWidth = 120, barWidth = 300
        let top = max(1, line.bars.map(\.value).max() ?? 1)
        var parts = ["<figure><figcaption>\(escapeHTML(line.text))</figcaption>",
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(labelWidth + barWidth + 60)\" height=\"\(line.bars.count * rowHeight + 4)\">",
                     "<title>\(escapeHTML(line.text))</title>"]
        for (i, bar) in line.bars.enumerated() {
            let y = i * rowHeight + 2
            let width = Int(bar.value / top * Double(barWidth))
            let number = bar.value == bar.value.rounded() ? String(Int(bar.value)) : String(format: "%.1f", bar.value)
            parts.append("<text x=\"0\" y=\"\(y + 15)\" font-size=\"13\">\(escapeHTML(bar.label))</text>")
            parts.append("<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"15\" fill=\"#4a6fa5\"/>")
            parts.append("<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\" font-size=\"13\">\(number)</text>")
        }
        parts.append("</svg></figure>")
        return parts.joined(separator: "\n")
    }

    /// XHTML-compatible (every element closed), so any XML parser can check it; print-friendly styles.
    static func html(_ lines: [DocumentLine], title: String) -> String {
        var body: [String] = []
        var inList = false
        func closeList() {
            if inList { body.append("</ul>") }
            inList = false
        }
        for line in lines {
            let text = escapeHTML(line.text.trimmingCharacters(in: .whitespaces))
            if line.kind == .body, line.text.hasPrefix("  ") {
                if !inList { body.append("<ul>") }
                inList = true
                body.append("<li>\(text)</li>")
                continue
            }
            closeList()
            switch line.kind {
            case .title: body.append("<h1>\(text)</h1>")
            case .heading: body.append("<h2>\(text)</h2>")
            case .subheading: body.append("<h3>\(text)</h3>")
            case .resolved:
                let rest = text.hasPrefix("Resolved:") ? String(text.dropFirst("Resolved:".count)) : " " + text
                body.append("<p class=\"resolved\"><strong>Resolved:</strong>\(rest)</p>")
            case .body: body.append("<p>\(text)</p>")
            case .blank: break
            case .chart: body.append(svg(line))
            }
        }
        closeList()
        let style = "body{font-family:Georgia,serif;max-width:48rem;margin:2rem auto;line-height:1.4;color:#111}"
            + "h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.6rem;text-transform:uppercase}h3{font-size:1rem}"
            + "ul{list-style:none;padding-left:1rem}.resolved{margin-left:1rem}@media print{body{margin:0}}"
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
}

extension String {
    /// C0, C1 and DEL, and the bidi embeddings, overrides and isolates that can reorder what a reader sees,
    /// each shown as U+FFFD.
    var withoutControls: String {
        guard unicodeScalars.contains(where: Self.isUnsafe) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { Self.isUnsafe($0) ? "\u{FFFD}" : $0 }))
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
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
