/// The e-mail addresses ForumDesk accepts: an RFC 5321/5322 `dot-atom@domain` in ASCII. Internationalised
/// addresses (RFC 6531/6532, SMTPUTF8) are refused rather than sent: outbox e-mails are 7-bit so any mail system
/// relays them, and a raw non-ASCII address in a 7-bit message is invalid, while an encoded one is undeliverable.
public enum EmailAddress {
    /// Nil when `text` is a usable address, else what is wrong, in words for a form note or a `validate` line.
    public static func problem(_ text: String) -> String? {
        if text.isEmpty { return "an address like name@example.org is needed" }
        if !text.unicodeScalars.allSatisfy(\.isASCII) {
            return
                "“\(text)” has non-ASCII characters: ForumDesk writes 7-bit mail and does not send to internationalised "
                + "addresses (RFC 6531); give the ASCII form"
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "“\(text)” is not an address like name@example.org (exactly one @)" }
        let local = parts[0], domain = parts[1]
        if text.utf8.count > 254 { return "“\(text)” is longer than an address may be (254 characters, RFC 5321)" }
        if local.isEmpty || local.utf8.count > 64 { return "“\(text)”: the part before @ must be 1 to 64 characters" }
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-")
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..")
            || !local.allSatisfy({ atext.contains($0) || $0 == "." })
        {
            return
                "“\(text)”: the part before @ may hold letters, digits, dots (not first, last or doubled) and !#$%&'*+/=?^_`{|}~-"
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let hostChars = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        if labels.count < 2
            || labels.contains(where: {
                $0.isEmpty || $0.count > 63 || $0.hasPrefix("-") || $0.hasSuffix("-")
                    || !$0.allSatisfy { hostChars.contains($0) }
            })
        {
            return "“\(text)”: the domain after @ must be names like example.org (letters, digits, hyphens, dots)"
        }
        return nil
    }
}
