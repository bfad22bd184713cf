import PropertyBased
import Testing
@testable import TerminalUI

/// A reference model of editing by grapheme cluster, written from the definition rather than from the
/// field's code: the text is a list of code points, the cursor counts clusters, and after an edit the cursor
/// goes to the first cluster boundary at or after the end of what was typed (or where text was removed).
struct GraphemeModel: Equatable {
    var scalars: [Unicode.Scalar] = []
    var cursor = 0

    var text: String { String(String.UnicodeScalarView(scalars)) }
    var clusters: [Character] { Array(text) }

    /// Code points in the first `n` clusters.
    func scalarCount(ofFirst n: Int) -> Int { clusters.prefix(n).reduce(0) { $0 + $1.unicodeScalars.count } }

    mutating func settle(at offset: Int) {
        let all = clusters
        cursor = (0...all.count).first { scalarCount(ofFirst: $0) >= offset } ?? all.count
    }

    mutating func apply(_ key: Key) {
        let count = clusters.count
        switch key {
        case .char(let c):
            let at = scalarCount(ofFirst: cursor)
            scalars.insert(contentsOf: c.unicodeScalars, at: at)
            settle(at: at + c.unicodeScalars.count)
        case .backspace where cursor > 0:
            let from = scalarCount(ofFirst: cursor - 1), to = scalarCount(ofFirst: cursor)
            scalars.removeSubrange(from..<to)
            settle(at: from)
        case .delete where cursor < count:
            let from = scalarCount(ofFirst: cursor), to = scalarCount(ofFirst: cursor + 1)
            scalars.removeSubrange(from..<to)
            settle(at: from)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = count
        default: break
        }
    }
}

/// Keys as a terminal delivers them: one code point per key (so a vowel sign arrives on its own), and
/// editing keys, from integer choices that PropertyBased generates and shrinks.
enum KeyChoices {
    static let pools: [ClosedRange<UInt32>] = [
        0x61...0x7A,  // Latin letters
        0x300...0x36F,  // combining diacritics
        0x980...0x9FF,  // Bengali: vowel signs, virama, conjuncts
        0x900...0x97F,  // Devanagari
        0xA00...0xA7F,  // Gurmukhi
        0xA80...0xAFF,  // Gujarati
        0x200C...0x200D,  // ZWNJ, ZWJ
        0xFE0E...0xFE0F,  // variation selectors
        0x1F3FB...0x1F3FF,  // emoji modifiers
        0x1F1E6...0x1F1FF,  // regional indicators (flags)
        0x1F466...0x1F469,  // emoji that take modifiers and join
        0x1100...0x11FF,  // Hangul jamo (clusters of several code points)
        0x20...0x10FFFF,  // anything
    ]
    static let editing: [Key] = [.left, .right, .home, .end, .backspace, .delete]

    static func key(_ choice: Int) -> Key {
        let kind = choice % (pools.count + editing.count)
        if kind >= pools.count { return editing[kind - pools.count] }
        let pool = pools[kind]
        let value = pool.lowerBound + UInt32(choice / 31) % UInt32(pool.count)
        return .char(Character(Unicode.Scalar(value) ?? "x"))
    }

    static let sequences = Gen.int(in: 0...10_000_000).array(of: 0...60).map { $0.map(key) }
}

@Suite struct TextFieldGraphemeTests {
    @Test func test_typingABengaliVowelSignAfterItsConsonant_joinsTheCluster() {
        var field = TextField()
        field.handle(.char("র"))
        field.handle(.char("\u{9C1}"))  // ু arrives as a key of its own
        #expect(field.text == "রু" && field.cursor == 1)
        field.handle(.char("ন"))
        #expect(field.text == "রুন" && field.cursor == 2)
        field.handle(.left)
        field.handle(.backspace)
        #expect(field.text == "ন" && field.cursor == 0)
    }

    @Test func test_everyScript_typedOneCodePointAtATime_givesTheTypedText() {
        for name in ["রুমানা বেগম", "अनुष्का शर्मा", "ਗੁਰਪ੍ਰੀਤ ਕੌਰ", "પ્રિયંકા પટેલ", "José", "e\u{301}", "👨‍👩‍👧 👍🏽 🇬🇧 ❤️"] {
            var field = TextField()
            for scalar in name.unicodeScalars { field.handle(.char(Character(scalar))) }
            #expect(field.text == name && field.cursor == name.count, "\(name)")
            for _ in 0..<name.count { field.handle(.backspace) }
            #expect(field.text.isEmpty && field.cursor == 0, "\(name)")
        }
    }

    @Test func test_aMarkTypedBeforeAClustersMarks_putsTheCursorAfterTheWholeCluster() {
        var field = TextField("\u{301}")  // a lone mark, then a base typed in front of it
        field.handle(.home)
        field.handle(.char("e"))
        #expect(field.text == "e\u{301}" && field.cursor == 1)
    }

    @Test func test_anyKeySequence_neverTraps_andEditsAsTheGraphemeModelDoes() async {
        await propertyCheck(count: 2000, input: KeyChoices.sequences) { keys in
            var field = TextField()
            var model = GraphemeModel()
            var buffer = Buffer(width: 12, height: 1)
            for key in keys {
                field.handle(key)
                model.apply(key)
                #expect(field.text == model.text && field.cursor == model.cursor, "after \(key)")
                field.render(in: buffer.area, into: &buffer)
            }
            #expect(field.text.unicodeScalars.elementsEqual(model.scalars))
        }
    }

    @Test func test_paste_thenTyping_keepsTheCursorOnAClusterBoundary() {
        var field = TextField("ক")
        field.paste("\u{9CD}ষ")  // virama + SSA: a conjunct with the ক already there
        #expect(field.text == "ক্ষ" && field.cursor == field.text.count)
        field.handle(.char("\u{9BF}"))
        #expect(field.text == "ক্ষি" && field.cursor == field.text.count)
    }
}
