import Foundation
import ForumDeskTestSupport
import Testing

/// An independent calendar program (khal, from Debian) imports the invitation, then the update, then the
/// cancellation `notify` writes: the update replaces the event (same UID, new time) rather than adding a second,
/// and the status follows (CANCELLED). scripts/test and .ci/run install khal.
@Suite(.serialized) struct KhalTests {
    let id = "2026-12-17-sandy-biggleswade-ltt"

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String) {
        try runProgram(arguments, environment: environment)
    }

    /// The text/calendar part of an outbox e-mail, as Python's email library decodes it.
    func calendar(of eml: String, to ics: String) throws {
        let script =
            "import email,sys\nfrom email import policy\nm=email.message_from_bytes(open(sys.argv[1],'rb').read(),policy=policy.default)\n"
            + "open(sys.argv[2],'wb').write(next(p for p in m.walk() if p.get_content_type()=='text/calendar').get_payload(decode=True))\n"
        #expect(try run(["python3", "-c", script, eml, ics]).status == 0)
    }

    @Test func test_khal_updateReplacesTheEvent_andTheCancellationFollows() throws {
        let copy = try SampleCopy()
        let (home, env) = try khalHome(in: copy.folder)
        func khal(_ arguments: [String]) throws -> (status: Int32, out: String) {
            try run(["khal", "-c", home + "/config"] + arguments, environment: env)
        }
        func importLatest(_ suffix: String) throws {
            let folder = copy.path + "/outbox/" + id
            let eml = try #require(
                try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                    .first { $0.contains("cllr-otis-rookwood") && $0.hasSuffix(suffix) })
            let ics = home + "/" + suffix + ".ics"
            try calendar(of: folder + "/" + eml, to: ics)
            let imported = try khal(["import", "--batch", "-a", "forumdesk", ics])
            #expect(imported.status == 0, "\(imported.out)")
        }
        func events() throws -> [String] {
            try khal(["list", "--format", "{uid} {start} {status}", "2026-12-01", "40d"]).out
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    $0.contains("@forumdesk")
                }
        }
        let now = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        // An invitation sent when the councillor is not yet notified (the sample's notices are for Otis already: move on).
        let path = copy.path + "/meetings/2026/\(id).json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"cllr-otis-rookwood\"", with: "\"cllr-otis-rookwood-old\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try forumdesk(["notify", id] + now).status == 0)
        try importLatest("request-0.eml")
        let first = try events()
        #expect(first == ["\(id)@forumdesk 2026-12-17 19:00 CONFIRMED"], "\(first)")

        text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"start\": \"2026-12-17T19:00:00+00:00\",\n  \"end\": \"2026-12-17T21:00:00+00:00\"",
            with: "\"start\": \"2026-12-22T18:30:00+00:00\",\n  \"end\": \"2026-12-22T20:30:00+00:00\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try forumdesk(["notify", id] + now).status == 0)
        try importLatest("request-1.eml")
        #expect(try events() == ["\(id)@forumdesk 2026-12-22 18:30 CONFIRMED"], "the update replaces the event")

        text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"status\": \"confirmed\"", with: "\"status\": \"cancelled\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try forumdesk(["notify", id] + now).status == 0)
        try importLatest("cancel-2.eml")
        #expect(try events() == ["\(id)@forumdesk 2026-12-22 18:30 CANCELLED"], "the cancellation replaces it too")
    }
}

/// A khal of its own in `folder`: one calendar `forumdesk` at `home/cal/`, London time, ISO dates; its home and the
/// environment that points khal at it.
func khalHome(in folder: String) throws -> (home: String, env: [String: String]) {
    let home = folder + "/khal"
    try FileManager.default.createDirectory(atPath: home + "/cal", withIntermediateDirectories: true)
    try """
    [calendars]
    [[forumdesk]]
    path = \(home)/cal/
    type = calendar
    [locale]
    timeformat = %H:%M
    dateformat = %Y-%m-%d
    longdateformat = %Y-%m-%d
    datetimeformat = %Y-%m-%d %H:%M
    longdatetimeformat = %Y-%m-%d %H:%M
    default_timezone = Europe/London
    local_timezone = Europe/London
    """.write(toFile: home + "/config", atomically: true, encoding: .utf8)
    return (home, ["HOME": home, "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home])
}
