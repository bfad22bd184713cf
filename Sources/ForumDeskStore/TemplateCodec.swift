import ForumDeskCore

/// `templates/<kind>.json`: a kind of meeting's standing agenda items (`AgendaTemplate`).
extension Codec {
    static func template(_ node: JSONNode) throws(DecodeError) -> AgendaTemplate {
        var r = try FieldReader(node, what: "an agenda template")
        try checkSchema(&r)
        var t = AgendaTemplate(kind: try r.choice("kind", MeetingKind.self), items: try r.list("items", templateItem))
        t.extra = r.unknownFields
        return t
    }

    static func templateItem(_ node: JSONNode) throws(DecodeError) -> AgendaTemplate.Item {
        var r = try FieldReader(node, what: "a template item")
        var item = AgendaTemplate.Item(title: try r.string("title"))
        item.purpose = try r.choices("purpose", Purpose.self)
        item.minutes = try r.optionalInt("minutes", Limits.itemMinutes)
        item.notes = try r.optionalString("notes")
        item.place = try r.choice("place", default: AgendaTemplate.Place.opening)
        item.extra = r.unknownFields
        return item
    }

    static func encode(_ t: AgendaTemplate) -> OrderedJSON {
        var w = FieldWriter()
        w.set("schema", currentSchema)
        w.set("kind", t.kind.rawValue)
        w.set(
            "items",
            .array(
                t.items.map { item in
                    var i = FieldWriter()
                    i.set("title", item.title)
                    i.set("purpose", item.purpose)
                    i.optional("minutes", item.minutes)
                    i.optional("notes", item.notes)
                    i.set("place", item.place.rawValue)
                    return i.finish(item.extra)
                }))
        return w.finish(t.extra)
    }
}
