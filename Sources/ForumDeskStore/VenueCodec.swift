import Foundation
import ForumDeskCore

/// `venues/<id>.json`: a venue record (`VenueRecord`).
extension Codec {
    static func venueRecord(_ node: JSONNode) throws(DecodeError) -> VenueRecord {
        var r = try FieldReader(node, what: "a venue")
        try checkSchema(&r)
        var v = VenueRecord(id: try r.id("id", VenueKind.self), name: try r.string("name"))
        v.address = try r.optionalString("address")
        v.accessibility = try r.optionalString("accessibility")
        v.capacity = try r.optionalInt("capacity", 1...100_000)
        v.bookedThrough = try r.optionalID("bookedThrough", OrganisationRecord.self)
        v.notes = try r.optionalString("notes")
        v.extra = r.unknownFields
        return v
    }

    static func encode(_ v: VenueRecord) -> OrderedJSON {
        var w = FieldWriter()
        w.set("schema", currentSchema)
        w.set("id", v.id)
        w.set("name", v.name)
        w.optional("address", v.address)
        w.optional("accessibility", v.accessibility)
        w.optional("capacity", v.capacity)
        w.optional("bookedThrough", v.bookedThrough)
        w.optional("notes", v.notes)
        return w.finish(v.extra)
    }
}

extension DataFolder {
    public var venuesFolder: String { path("venues") }

    /// `venues/biggleswade-community-centre.json`; refused unless `id` is a valid venue id.
    public func venueFile(_ id: String) throws(PathError) -> String {
        guard VenueID(id) != nil else {
            throw PathError(path: "venues/\(IdentifierRule.shown(id)).json", reason: "not a valid venue id")
        }
        return try inside(["venues", "\(id).json"])
    }
}

extension DataStore {
    /// Reads every `venues/*.json` into `data.venues` (by name); a file that cannot be read, or named unlike its id,
    /// is reported with its position and left out (and never overwritten).
    func loadVenues(into data: inout DataSet) {
        data.venues += loadRecords(in: folder.venuesFolder, into: &data, Codec.venueRecord, id: \.id)
        data.venues.sort { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    }

    /// Writes one venue record to `venues/<id>.json`, with the same on-disk check as any save.
    public func save(_ venue: VenueRecord, in data: inout DataSet) throws(SaveError) {
        try write(
            Codec.encode(venue), to: try checked { () throws(PathError) in try folder.venueFile(venue.id) }, in: &data)
        data.venues.removeAll { $0.id == venue.id }
        data.venues.append(venue)
        data.venues.sort { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    }
}
