import Foundation
import Testing
@testable import ForumDeskStore
import ForumDeskCore

@Suite struct ErasureRecordTests {
    func hex(_ text: String) -> String { SHA256.hex(SHA256.hash(Array(text.utf8))) }

    /// FIPS 180-4 examples and RFC 4231's HMAC test cases 2 and 6 (a key longer than a block).
    @Test func test_sha256_andHMAC_matchTheStandardVectors() {
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            hex(String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(
            SHA256.hex(SHA256.hmac(key: Array("Jefe".utf8), Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(
            SHA256.hex(
                SHA256.hmac(
                    key: [UInt8](repeating: 0xaa, count: 131),
                    Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    /// The record names nobody: neither the name, the id nor a plain hash of either is in it, and without the key a
    /// guess cannot be tested; with it, the person (in any version of their entry) is recognised.
    @Test func test_fingerprints_nameNobody_andMatchOnlyUnderTheKey() throws {
        let person = Person(
            id: "nikhil-kestrel", name: "Nikhil Kestrel", kind: .contact, email: "Nikhil.Kestrel@example.org")
        let key = [UInt8](repeating: 7, count: 32), other = [UInt8](repeating: 8, count: 32)
        let prints = ErasureRecord.fingerprints(person, key: key)
        let text = prints.joined(separator: " ")
        for needle in ["nikhil", "kestrel", hex("nikhil-kestrel"), hex("id:nikhil-kestrel")] {
            #expect(!text.contains(needle))
        }
        var settings = Settings(council: "Test")
        settings.extra["erasures"] = .array([
            .object(["date": .string("2026-12-07"), "fingerprints": .array(prints.map { .string($0) })])
        ])
        let recorded = ErasureRecord.recorded(settings)
        #expect(ErasureRecord.erasedOn(person, recorded: recorded, keys: [other, key]) == "2026-12-07")
        #expect(ErasureRecord.erasedOn(person, recorded: recorded, keys: [other]) == nil)
        var edited = person
        edited.phone = "01632 960999"
        #expect(ErasureRecord.erasedOn(edited, recorded: recorded, keys: [key]) == "2026-12-07")
        let someoneElse = Person(id: "nikhil-kestrel-2", name: "Nikhil Kestrel", kind: .contact)
        #expect(ErasureRecord.erasedOn(someoneElse, recorded: recorded, keys: [key]) == nil)
    }
}
