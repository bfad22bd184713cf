import Foundation
import ForumDeskTestSupport
import Testing

@Suite struct CommandsUnderAnyLocaleTests {
    /// The commands read and write UTF-8 whatever the locale: under C and POSIX an import and a listing keep
    /// every character.
    @Test(arguments: [["LANG": "C", "LC_ALL": "C"], ["LANG": "", "LC_ALL": "POSIX"]])
    func test_importAndList_underANonUTF8Locale_keepEveryCharacter(locale: [String: String]) throws {
        let copy = try SampleCopy()
        let file = copy.folder + "/scripts.csv"
        let venue = "রুমানা বেগম · عائشہ خان · પ્રિયંકા પટેલ · ਗੁਰਪ੍ਰੀਤ ਕੌਰ · Siân Café"
        try "Date,Start,Area,Type,Venue\n03/12/2026,19:00,Sandy and Biggleswade,LTT,\"\(venue)\"\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let run = try forumdesk(
            ["import", "csv", "meetings", file, "--data", copy.path, "--now", "2026-11-23T12:00"], environment: locale)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains(venue), "\(run.stdout)")
        let json = try String(
            contentsOfFile: copy.path + "/meetings/2026/2026-12-03-sandy-biggleswade-ltt.json", encoding: .utf8)
        #expect(json.contains("\"name\": \"\(venue)\""))
        let list = try forumdesk(
            ["list", "meetings", "--json", "--data", copy.path, "--now", "2026-11-23T12:00"], environment: locale)
        #expect(list.stdout.contains(venue))
    }
}
