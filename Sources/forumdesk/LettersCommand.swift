#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

struct LettersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letters",
        abstract:
            "Write printable letters (A4 HTML, and PDF with WeasyPrint) for those owed a notice who prefer a letter.",
        discussion: """
            For every councillor of the meeting's wards (and, with --partners, invited partner contact) who is owed a \
            notice and prefers a letter, writes the invitation, update or cancellation the e-mail would carry as an A4 \
            page for a DL window envelope: letters/<meeting-id>/<person>-<request|cancel>-<SEQUENCE>.html, and .pdf \
            beside it when the weasyprint program is installed. Then records each notice as sent by letter on the \
            meeting. Someone who prefers a letter but has no usable postal address is listed with the reason, and \
            nothing is recorded for them. A second run writes nothing for a notice already recorded.
            """
    )

    @OptionGroup var options: DataOptions
    @Argument(help: "The meeting, by id (see `forumdesk list meetings`).") var meeting: String
    @Flag(help: "Only list the letters that would be written; change nothing.") var dryRun = false
    @Flag(help: "Also write to invited partners' contacts not yet sent an invitation.") var partners = false
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Also copy the letters into this folder (for a print share); the record copy stays in letters/<meeting-id>/.",
            valueName: "dir"))
    var output: String?

    func run() throws {
        let now = try options.currentTime()
        try withCommandTurn(options) {
            // Checked before anything is written or recorded: a print share that cannot take the copies would
            // otherwise leave letters recorded as sent that never reach it.
            if let output {
                var info = stat()
                if stat(output, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
                    Output.error(
                        "\(output): -o names a folder for copies of the letters, and this is not a folder (nothing was written)"
                    )
                    throw ExitStatus.usage
                }
            }
            let (store, data0) = try options.load()
            var data = data0
            let m = try Output.meeting(meeting, in: data, folder: options.folder)
            guard m.start > now else {
                Output.error("\(m.id) began on \(LondonTime.display(m.start)): letters are for meetings to come")
                throw ExitStatus.usage
            }
            let organiser = Notifier.Organiser(
                configuredName: data.settings.organiserName, configuredEmail: data.settings.organiserEmail)
            let sender = Letters.Sender(
                organiser: organiser, council: data.settings.council, address: data.settings.organiserAddress)
            let plan = Letters.plan(for: m, directory: data.directory, sender: sender, now: now, partners: partners)
            let converter = PDFConverter.find()
            var pdfsFailed = 0
            if dryRun {
                for letter in plan.letters {
                    Output.line(
                        TerminalText.sanitized(
                            "would write \(letter.path): \(letter.person.name), \(letter.notice.kind.label), SEQUENCE \(letter.notice.sequence)"
                        ))
                }
            } else if !plan.letters.isEmpty {
                pdfsFailed = try write(plan, store: store, data: &data, converter: converter)
            }
            for missing in plan.missing {
                Output.line(
                    TerminalText.sanitized(
                        "no letter: \(missing.person.name) (\(missing.reason)): \(missing.state.label); "
                            + "add the address on the Directory screen (4) and run letters again"))
            }
            if plan.letters.isEmpty, plan.missing.isEmpty {
                Output.line("No letters owed for \(m.id): everyone who prefers a letter has an up-to-date notice.")
            } else if !plan.letters.isEmpty {
                Output.line(
                    converter == nil
                        ? "HTML only: no PDF converter is installed (apt install weasyprint); print the HTML from a browser (A4, no headers)"
                        : dryRun
                            ? "with a PDF of each by \(converter!.display)"
                            : pdfsFailed > 0
                                ? "\(pdfsFailed) PDF(s) could not be made with \(converter!.display) (see above): print those letters' HTML"
                                : "PDF made with \(converter!.display)")
            }
            // As `remind` and `brief`: 1 when someone owed a letter did not get one, or a PDF is missing.
            if !plan.missing.isEmpty || pdfsFailed > 0 { throw ExitStatus.problems }
        }
    }

    /// Writes each letter (HTML, then PDF), then saves the meeting with the notices recorded: the one commit. If the
    /// save fails, the letters written are deleted and nothing is recorded; a run cut short before the save leaves
    /// files of the same names, which the next run writes again.
    /// Returns how many PDFs could not be made.
    func write(_ plan: Letters.Plan, store: DataStore, data: inout DataSet, converter: PDFConverter?) throws -> Int {
        var pdfsFailed = 0
        var written: [String] = []
        var lines: [String] = []
        func undo() { for path in written.reversed() { try? store.deleteGenerated(path) } }
        for letter in plan.letters {
            do throws(SaveError) {
                let html = try store.writeLetter(Array(letter.html.utf8), to: letter.path)
                written.append(html)
                var made = [html]
                if let converter {
                    switch converter.pdf(fromHTMLFile: html) {
                    case .success(let bytes):
                        let pdf = try store.writeLetter(bytes, to: String(letter.path.dropLast(5)) + ".pdf")
                        written.append(pdf)
                        made.append(pdf)
                    case .failure(let reason):
                        pdfsFailed += 1
                        Output.error(TerminalText.sanitized("\(letter.path): no PDF: \(reason)"))
                    }
                }
                lines.append(
                    "\(made.joined(separator: ", ")): \(letter.person.name), \(letter.notice.kind.label), SEQUENCE \(letter.notice.sequence)"
                )
            } catch {
                undo()
                Output.error(TerminalText.sanitized("\(error); no letter was written or recorded"))
                throw ExitStatus.dataError
            }
        }
        do throws(SaveError) {
            try store.save(plan.meeting, in: &data)
        } catch {
            if case .failed(_, let cause) = error, cause.replaced {
                Output.error("\(error)")  // recorded; only the folder sync failed
            } else {
                undo()
                Output.error(TerminalText.sanitized("\(error); no letter was written or recorded"))
                throw ExitStatus.dataError
            }
        }
        for line in lines { Output.line(TerminalText.sanitized(line)) }
        if let output { try copy(written, to: output) }
        return pdfsFailed
    }

    /// Copies the letters into `dir` (a print share), each replaced atomically like every file ForumDesk writes.
    func copy(_ paths: [String], to dir: String) throws {
        for path in paths {
            let target = (dir as NSString).appendingPathComponent((path as NSString).lastPathComponent)
            guard let bytes = FileManager.default.contents(atPath: path) else { continue }
            try Output.write(Array(bytes), to: target)
            Output.line(TerminalText.sanitized("copied to \(target)"))
        }
    }
}

/// A program that turns a letter's HTML into PDF: WeasyPrint (Debian's `weasyprint`, or from PyPI), found on PATH.
struct PDFConverter {
    var command: [String]
    var display: String { "weasyprint" }

    /// The converter on PATH, or nil when none is installed.
    static func find() -> PDFConverter? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/weasyprint"
            if access(candidate, X_OK) == 0 { return PDFConverter(command: [candidate]) }
        }
        return nil
    }

    /// The PDF of the HTML file at `path`, or why there is none. WeasyPrint reads the page from standard input
    /// and writes the PDF to a private temp file, read back here (the caller writes it durably).
    func pdf(fromHTMLFile path: String) -> Result<[UInt8], PDFFailure> {
        var template = Array("\(NSTemporaryDirectory())/forumdesk-letter-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { return .failure(PDFFailure(reason: "cannot make a temp file: errno \(errno)")) }
        close(fd)
        let temp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(temp) }
        // The same runner as the mail program: no shell, a time limit, the output kept for the message.
        let answer = MailProgram(command: command + ["--quiet", "--encoding", "utf-8", "-", temp], timeout: 120).run(
            input: path)
        switch answer {
        case .accepted:
            guard let data = FileManager.default.contents(atPath: temp), data.starts(with: Array("%PDF".utf8)) else {
                return .failure(PDFFailure(reason: "weasyprint wrote no PDF"))
            }
            return .success(Array(data))
        case .refused(let status, let output):
            return .failure(PDFFailure(reason: "weasyprint failed (exit \(status)): \(output)"))
        case .notStarted(let reason): return .failure(PDFFailure(reason: reason))
        case .interrupted(let reason, _): return .failure(PDFFailure(reason: reason))
        }
    }
}

struct PDFFailure: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
