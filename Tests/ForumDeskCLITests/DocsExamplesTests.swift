import Foundation
import ForumDeskTestSupport
import Testing

/// The command examples in README.md and docs/ are run, so a changed command cannot leave a guide that lies.
/// A transcript (a fenced block of `$ forumdesk …` lines, each followed by what it prints) is run line by line in a
/// fresh copy of the sample data, as `data/` (and `broken/`, the broken copy the validation example reads), and
/// its output compared: a line `…` stands for any number of lines, a line ending in `…` for any line it begins.
/// A command shown without output must succeed. Every other mention of a command (a synopsis such as
/// `forumdesk export ics [--area A] [-o FILE]`) must name a real command and only options it has.
@Suite struct DocsExamplesTests {
    struct Transcript {
        var file: String
        var line: Int
        var steps: [(command: String, output: [String])]
    }

    static let documents: [String] = {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.path + "/docs")) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }()

    static func lines(of document: String) -> [String] {
        let text = (try? String(contentsOfFile: repositoryRoot.path + "/" + document, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The transcripts of every document, in order.
    static func transcripts() -> [Transcript] {
        var found: [Transcript] = []
        for document in documents {
            var inBlock = false
            var current: Transcript?
            for (number, line) in lines(of: document).enumerated() {
                if line.hasPrefix("```") {
                    if inBlock, let done = current, !done.steps.isEmpty { found.append(done) }
                    inBlock.toggle()
                    current = inBlock ? Transcript(file: document, line: number + 1, steps: []) : nil
                    continue
                }
                guard inBlock, current != nil else { continue }
                if line.hasPrefix("$ forumdesk ") || line.hasPrefix("$ cat ") {
                    current!.steps.append((String(line.dropFirst(2)), []))
                } else if !current!.steps.isEmpty {
                    current!.steps[current!.steps.count - 1].output.append(line)
                }
            }
        }
        return found
    }

    /// Words of a command line as a shell splits them (double and single quotes; no expansions are used).
    static func words(_ line: String) -> [String] {
        var words: [String] = [], word = "", quote: Character?, inWord = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(c)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// Whether printed lines are what the document shows.
    static func matches(_ shown: [String], _ printed: [String]) -> Bool {
        guard let first = shown.first else { return printed.isEmpty }
        let rest = Array(shown.dropFirst())
        if first == "…" {
            return (0...printed.count).contains { matches(rest, Array(printed.dropFirst($0))) }
        }
        guard let line = printed.first else { return false }
        let same = first.hasSuffix("…") ? line.hasPrefix(String(first.dropLast())) : line == first
        return same && matches(rest, Array(printed.dropFirst()))
    }

    @Test func test_docsHaveTranscripts() {
        // The guides show at least the letters, remind/brief/send, validate and import examples.
        #expect(Self.transcripts().count >= 4, "\(Self.transcripts().map { "\($0.file):\($0.line)" })")
    }

    @Test(arguments: transcripts().map { "\($0.file):\($0.line)" })
    func test_transcript_printsWhatTheDocumentShows(_ place: String) throws {
        let transcript = try #require(Self.transcripts().first { "\($0.file):\($0.line)" == place })
        try withBrokenCopy { folder in
            let fm = FileManager.default
            try fm.moveItem(at: folder.appendingPathComponent("data"), to: folder.appendingPathComponent("broken"))
            try fm.copyItem(
                at: repositoryRoot.appendingPathComponent("data"), to: folder.appendingPathComponent("data"))
            // The mail program `send` hands e-mail to on this "machine": one that accepts everything.
            let config = folder.appendingPathComponent("machine-config.json")
            try JSONSerialization.data(withJSONObject: ["sendmail": ["sh", "-c", "cat >/dev/null"]]).write(to: config)
            for step in transcript.steps {
                let words = Self.words(step.command)
                // `$ cat FILE` shows a file the next commands read: it is written as shown.
                if words.first == "cat", words.count == 2 {
                    try (step.output.joined(separator: "\n") + "\n").write(
                        to: folder.appendingPathComponent(words[1]), atomically: true, encoding: .utf8)
                    continue
                }
                // The sample's own day (`sampleToday`), at 9 am: the clock the examples were printed at.
                let run = try forumdesk(
                    Array(words.dropFirst()) + ["--now", "2026-11-23T09:00"], in: folder,
                    environment: ["FORUMDESK_CONFIG": config.path])
                let printed = (run.stdout + run.stderr).split(separator: "\n", omittingEmptySubsequences: false).map(
                    String.init
                )
                .filter { !$0.isEmpty }
                let shown = step.output.filter { !$0.isEmpty }
                if shown.isEmpty {
                    #expect(
                        run.status == 0, "\(place): `\(step.command)` exited \(run.status): \(run.stdout)\(run.stderr)")
                } else {
                    #expect(
                        Self.matches(shown, printed),
                        "\(place): `\(step.command)` printed:\n\(printed.joined(separator: "\n"))")
                }
            }
        }
    }

    /// Every `forumdesk …` a document mentions (in a code span or a shell block), with where it is.
    static func mentions() -> [(place: String, words: [String])] {
        var found: [(String, [String])] = []
        for document in documents {
            var inBlock = false
            for (number, line) in lines(of: document).enumerated() {
                if line.hasPrefix("```") { inBlock.toggle(); continue }
                let place = "\(document):\(number + 1)"
                if inBlock {
                    let text = line.hasPrefix("$ ") ? String(line.dropFirst(2)) : line
                    if text.hasPrefix("forumdesk ") {
                        found.append((place, words(String(text.split(separator: "#", maxSplits: 1)[0]))))
                    }
                    continue
                }
                for span in line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                where span.offset % 2 == 1 {
                    if span.element.hasPrefix("forumdesk ") || span.element == "forumdesk" {
                        // `\|` is a table's escaped bar: `agenda\|minutes` reads `agenda|minutes`.
                        found.append((place, words(span.element.replacingOccurrences(of: "\\|", with: "|"))))
                    }
                }
            }
        }
        return found
    }

    @Test func test_everyCommandMentioned_existsWithTheOptionsShown() throws {
        var help: [String: Run] = [:]
        func helpOf(_ path: [String]) throws -> Run {
            let key = path.joined(separator: " ")
            if let known = help[key] { return known }
            let run = try forumdesk(path + ["--help"])
            help[key] = run
            return run
        }
        var problems: [String] = []
        let mentions = Self.mentions()
        #expect(mentions.count > 50)
        for mention in mentions {
            let rest = Array(mention.words.dropFirst())
            // The command: the leading lower-case words that the program takes as subcommands.
            // swift-argument-parser's own `help COMMAND`.
            if rest.first == "help" { continue }
            var path: [String] = []
            for alternatives in rest {
                // `export agenda|minutes`: the first of the alternatives shown.
                let word = String(alternatives.split(separator: "|").first ?? "")
                guard word.first?.isLowercase == true, word.allSatisfy({ $0.isLetter || $0 == "-" }),
                    (try helpOf(path + [word])).status == 0,
                    try helpOf(path + [word]).stdout != helpOf(path).stdout
                else { break }
                path.append(word)
            }
            if let first = rest.first, first.first?.isLowercase == true, first.allSatisfy({ $0.isLetter || $0 == "-" }),
                path.isEmpty
            {
                problems.append("\(mention.place): `forumdesk \(first)` is not a command")
                continue
            }
            let usage = try helpOf(path).stdout
            for word in rest {
                // --option, --option=VALUE, [--option], [--format md|text]: the option's name.
                let bare =
                    word.trimmingCharacters(in: CharacterSet(charactersIn: "[]()…,.")).split(separator: "=").first ?? ""
                guard bare.hasPrefix("-"), bare.count > 1, bare != "--" else { continue }
                if !usage.contains(String(bare)) {
                    problems.append(
                        "\(mention.place): `forumdesk \(path.joined(separator: " "))` has no option \(bare)")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
