/// The buffer written out for snapshot tests with its styles (as ratatui's `TestBackend` compares cells, not
/// only text): the text, then a legend of the styles used, then the same grid with one letter per cell for
/// its style, a space for plain. So a lost highlight, colour or reverse video changes the snapshot.
extension Buffer {
    public var styledText: String {
        var letters: [Style: Character] = [:]
        var legend: [String] = []
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var grid: [String] = []
        for y in 0..<height {
            var row = ""
            for x in 0..<width {
                let style = self[x, y].style
                guard style != .plain else {
                    row.append(" ")
                    continue
                }
                if letters[style] == nil {
                    let letter = letters.count < alphabet.count ? alphabet[letters.count] : "?"
                    letters[style] = letter
                    legend.append("\(letter) \(Self.describe(style))")
                }
                row.append(letters[style]!)
            }
            while row.hasSuffix(" ") { row.removeLast() }
            grid.append(row)
        }
        return text + "\n── styles: one letter a cell, space for plain ──\n" + legend.joined(separator: "\n") + "\n"
            + grid.joined(separator: "\n")
    }

    /// "fg=cyan bold reverse".
    static func describe(_ style: Style) -> String {
        var words: [String] = []
        if style.foreground != .default { words.append("fg=\(style.foreground)") }
        if style.background != .default { words.append("bg=\(style.background)") }
        let names: [(Attributes, String)] = [
            (.bold, "bold"), (.dim, "dim"), (.underline, "underline"), (.reverse, "reverse"),
        ]
        for (attribute, name) in names where style.attributes.contains(attribute) { words.append(name) }
        return words.joined(separator: " ")
    }
}
