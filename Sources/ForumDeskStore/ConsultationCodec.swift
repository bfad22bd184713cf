import ForumDeskCore

extension Codec {
    // MARK: consultations/<id>.json

    static func consultation(_ node: JSONNode) throws(DecodeError) -> Consultation {
        var r = try FieldReader(node, what: "a consultation")
        try checkSchema(&r)
        var c = Consultation(
            id: try r.id("id", ConsultationRecord.self), title: try r.string("title"),
            engagementLevel: try r.choice("engagementLevel", EngagementLevel.self),
            opens: try day(&r, "opens", node), closes: try day(&r, "closes", node))
        c.organisation = try r.optionalID("organisation", OrganisationRecord.self)
        c.contact = try r.optionalID("contact", PersonRecord.self)
        c.areas = try r.strings("areas")
        c.wards = try r.strings("wards")
        c.methods = try r.choices("methods", ConsultationMethod.self)
        c.link = try r.optionalString("link")
        c.topics = try r.strings("topics")
        c.items = try r.list("items", consultationItem)
        c.summary = try r.optionalString("summary")
        c.results = try r.optionalString("results")
        c.changes = try r.optionalString("changes")
        c.responses = try r.optionalInt("responses", Limits.headCount)
        c.equality = try equality(&r)
        c.extra = r.unknownFields
        return c
    }

    /// A required day: `"2026-12-01"`.
    static func day(_ r: inout FieldReader, _ key: String, _ node: JSONNode) throws(DecodeError) -> CalendarDate {
        guard let day = try r.optionalDay(key) else {
            throw DecodeError(position: node.position, reason: "missing field `\(key)`")
        }
        return day
    }

    static func consultationItem(_ node: JSONNode) throws(DecodeError) -> ConsultationItem {
        var r = try FieldReader(node, what: "a consultation's agenda item")
        var item = ConsultationItem(
            meeting: try r.id("meeting", MeetingRecord.self), item: try r.int("item", Limits.itemNumber))
        item.extra = r.unknownFields
        return item
    }

    static func encode(_ c: Consultation) -> OrderedJSON {
        var w = FieldWriter()
        w.set("schema", currentSchema)
        w.set("id", c.id)
        w.set("title", c.title)
        w.optional("organisation", c.organisation)
        w.optional("contact", c.contact)
        w.set("engagementLevel", c.engagementLevel)
        w.set("areas", c.areas)
        if !c.wards.isEmpty { w.set("wards", c.wards) }
        w.set("opens", .string(c.opens.description))
        w.set("closes", .string(c.closes.description))
        w.set("methods", c.methods)
        w.optional("link", c.link)
        if !c.topics.isEmpty { w.set("topics", c.topics) }
        if !c.items.isEmpty {
            w.set(
                "items",
                .array(
                    c.items.map { item in
                        var iw = FieldWriter()
                        iw.set("meeting", item.meeting)
                        iw.set("item", item.item)
                        return iw.finish(item.extra)
                    }))
        }
        w.optional("summary", c.summary)
        w.optional("results", c.results)
        w.optional("changes", c.changes)
        w.optional("responses", c.responses)
        if !c.equality.isEmpty {
            w.set(
                "equality",
                .object(
                    c.equality.sorted { $0.key < $1.key }.map { category, counts in
                        (category, .object(counts.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))
                    }))
        }
        return w.finish(c.extra)
    }
}
