/// Where letters for printing live in the data folder, and the name of each: one name per notice (person, kind,
/// SEQUENCE), as the outbox names e-mails, so a file can be matched to its record and to its recipient.
///
/// - `letters/<meeting>/<person>-<request|cancel>-<SEQUENCE>.html`: the letter, A4, to print and post.
/// - `letters/<meeting>/<person>-<request|cancel>-<SEQUENCE>.pdf`: the same, where a converter was installed.
public enum LetterFiles {
    public static let folder = "letters"

    /// `<person>-<request|cancel>-<sequence>`.
    public static func stem(of notice: CouncillorNotification) -> String {
        "\(notice.councillor)-\(notice.kind == .cancellation ? "cancel" : "request")-\(notice.sequence)"
    }

    /// Whether a file name is one `letters` writes (`…-request-3.html`, `…-cancel-4.pdf`), and if `person` is
    /// given, to that person (exactly: `cllr-ann` is not `cllr-ann-smith`).
    public static func isLetterFile(_ name: String, of person: String? = nil) -> Bool {
        guard !name.hasPrefix("."), let dot = name.lastIndex(of: "."),
            ["html", "pdf"].contains(name[name.index(after: dot)...])
        else {
            return false
        }
        let parts = name[..<dot].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy({ $0.isASCII && $0.isNumber }),
            ["request", "cancel"].contains(parts[parts.count - 2])
        else { return false }
        guard let person else { return true }
        return parts.dropLast(2).joined(separator: "-") == person
    }
}
