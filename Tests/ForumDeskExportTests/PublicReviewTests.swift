import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport
@testable import ForumDeskStore
import ForumDeskTestSupport

/// Issue 36: free text that names someone without public office, gives a title with a name or an address is
/// listed for review and held back from the site until an officer checks or edits it.
@Suite struct PublicReviewTests {
    static let data = PublicSiteTests.data
    static var office: Set<String> {
        PrivateMentions.publicOffice(data.directory, chairs: Set(data.meetings.compactMap(\.chair)))
    }

    static let flagged = [
        "PCSO Fenella Merriweather answered questions", "Mrs Dan Reed of 12 Mill Lane, LU6 3AB raised it",
        "Mr Reed raised it",
        "Dr. Patel explained the service", "PC 1234 Smith attended", "Sgt Okafor gave the figures",
        "Ms Jo Bloggs asked about parking",
        "Nikhil Kestrel will circulate the slides", "nikhil kestrel will circulate them",
        "Write to 4a Church Road please",
        "Flooding at 12 Mill Lane again", "Reply to Rose Cottage, Mill Lane, Sandy, SG19 1AB",
    ]
    static let clear = [
        "Cllr Otis Rookwood welcomed everyone", "Otis Rookwood chaired", "The High Street was resurfaced",
        "Mill Lane floods often",
        "The police attended", "Bins missed on Station Road", "Action A-2026-041 due 2026-12-15",
        "Bedfordshire Police gave the figures",
        "Items 3 and 4 were taken together", "57 residents attended",
    ]

    @Test(arguments: flagged) func test_mentions_areFound(_ text: String) {
        #expect(!PrivateMentions.find(in: text, directory: Self.data.directory, publicOffice: Self.office).isEmpty)
    }

    @Test(arguments: clear) func test_publicWords_areNotFlagged(_ text: String) {
        #expect(PrivateMentions.find(in: text, directory: Self.data.directory, publicOffice: Self.office).isEmpty)
    }

    /// What the app puts into an action or a topic made from a resident's issue.
    @Test func test_itemsMadeFromAnIssue_leaveOutNamesAndAddresses() {
        let d = Self.data.directory
        #expect(
            PrivateMentions.withoutMentions(
                "Mrs Dan Reed of 12 Mill Lane, LU6 3AB says the street lights are out", directory: d,
                publicOffice: Self.office) == "A resident says the street lights are out")
        #expect(
            PrivateMentions.withoutMentions(
                "PCSO Fenella Merriweather asked about parking near the school, call 07700 900123",
                directory: d, publicOffice: Self.office) == "A police officer asked about parking near the school, call"
        )
        #expect(
            !PrivateMentions.withoutMentions(
                "Nikhil Kestrel to map the flooding", directory: d, publicOffice: Self.office
            ).contains("Kestrel"))
        #expect(
            PrivateMentions.withoutMentions("Street lights out on Mill Lane", directory: d, publicOffice: Self.office)
                == "Street lights out on Mill Lane")
    }

    @Test func test_flaggedPassage_isHeldBack_untilChecked_andAnEditMakesItNewAgain() throws {
        var meetings = Self.data.meetings
        let i = try #require(meetings.firstIndex { $0.id == "2026-10-15-sandy-biggleswade-ltt" })
        let said = "Mrs Dan Reed of 12 Mill Lane said the drain floods"
        meetings[i].agenda[4].discussion = said
        let review = PublicReview.passages(meetings, Self.data.directory)
        let passage = try #require(review.first { $0.text == said })
        #expect(passage.field == "item \(meetings[i].agenda[4].number) discussion" && !passage.checked)
        #expect(passage.reasons.contains("a title with a name (Mrs Dan Reed)"))
        var (published, held) = PublicReview.publishable(meetings, Self.data.directory)
        #expect(held.map(\.key).contains(passage.key))
        #expect(published[i].agenda[4].discussion == PublicReview.heldBack)

        meetings[i].checkedForPublication.append(passage.fingerprint)
        (published, held) = PublicReview.publishable(meetings, Self.data.directory)
        #expect(!held.map(\.key).contains(passage.key))
        // the site still takes the address out (`PublicRecord.clean`)
        #expect(published[i].agenda[4].discussion == said)

        meetings[i].agenda[4].discussion = said + " again"
        (published, held) = PublicReview.publishable(meetings, Self.data.directory)
        #expect(published[i].agenda[4].discussion == PublicReview.heldBack)
        #expect(
            PublicReview.fingerprint(said) == PublicReview.fingerprint(said)
                && PublicReview.fingerprint(said).count == 16)
    }
}
