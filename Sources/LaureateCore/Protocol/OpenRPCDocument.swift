/// The OpenRPC 1.3 document that `rpc.discover` returns, generated from `Method`.
public enum OpenRPCDocument {
    private static let string: JSONValue = ["type": "string"]
    private static let stringOrStrings: JSONValue = [
        "oneOf": [["type": "string"], ["type": "array", "items": ["type": "string"], "minItems": 1]]
    ]
    private static let count: JSONValue = ["type": "integer", "minimum": 0]
    private static let range: JSONValue = [
        "type": "object", "minProperties": 1, "additionalProperties": false,
        "properties": ["min": ["type": "number"], "max": ["type": "number"]],
    ]
    private static let dimension: JSONValue = ["type": "string", "enum": ["sector", "region", "department", "call"]]
    private static let nullableCount: JSONValue = ["type": ["integer", "null"], "minimum": 0]

    private static func perFigure(_ schema: JSONValue) -> JSONValue {
        [
            "type": "object", "required": ["jobs", "investment_eur", "aid_eur"],
            "properties": ["jobs": schema, "investment_eur": schema, "aid_eur": schema],
        ]
    }

    private static func param(
        _ name: String, _ description: String, _ schema: JSONValue, required: Bool = false
    ) -> JSONValue {
        ["name": .string(name), "description": .string(description), "required": .bool(required), "schema": schema]
    }

    private static var filterParams: [JSONValue] {
        [
            param(
                "q",
                "Words to find in project, title, company, city, département name, region, summary and sector "
                    + "label: case, accents and ligatures folded, elisions (l', d', qu'…) dropped, hyphenated words "
                    + "split and joined; every word must match, as itself, as a prefix from 3 letters, or with typos "
                    + "(1 from 5 letters, 2 from 9, none in the first letter or in a word with a digit).",
                string),
            param("typos", "Whether words also match with typos.", ["type": "boolean", "default": true]),
            param(
                "sector", "Sector ids (any of).",
                [
                    "oneOf": [
                        ["$ref": "#/components/schemas/SectorId"],
                        ["type": "array", "items": ["$ref": "#/components/schemas/SectorId"], "minItems": 1],
                    ]
                ]),
            param("region", "Region names (any of), case- and accent-insensitive.", stringOrStrings),
            param("department", "INSEE département codes as strings (any of).", stringOrStrings),
            param("city", "City names (any of), case- and accent-insensitive.", stringOrStrings),
            param("company", "Company names (any of), case- and accent-insensitive.", stringOrStrings),
            param("call", "Call ids (any of), e.g. relocalisation.", stringOrStrings),
            param("jobs", "Jobs within bounds; records without the figure never match.", range),
            param("investment_eur", "Investment (EUR) within bounds; records without it never match.", range),
            param("aid_eur", "Aid (EUR) within bounds; records without it never match.", range),
            param(
                "near", "Records within km of a point (great-circle); records without coordinates never match.",
                [
                    "type": "object", "required": ["lat", "lon", "km"], "additionalProperties": false,
                    "properties": [
                        "lat": ["type": "number", "minimum": -90, "maximum": 90],
                        "lon": ["type": "number", "minimum": -180, "maximum": 180],
                        "km": ["type": "number", "minimum": 0, "maximum": 20038],
                    ],
                ]),
        ]
    }

    private static let fieldsParam = param(
        "fields",
        "Keep only these members of each record (id is always kept), in the record's order; a name that is "
            + "neither a documented field nor carried by a record is refused.",
        ["type": "array", "items": ["type": "string"], "minItems": 1])

    private static func params(_ method: Method) -> [JSONValue] {
        switch method {
        case .laureateGet:
            return [
                param("id", "The laureate's id.", ["$ref": "#/components/schemas/LaureateId"], required: true),
                fieldsParam,
            ]
        case .laureateSearch:
            return filterParams + [fieldsParam] + [
                param("limit", "Page size.", ["type": "integer", "minimum": 1, "maximum": 1000, "default": 50]),
                param("offset", "Items to skip.", ["type": "integer", "minimum": 0, "default": 0]),
                param(
                    "sort",
                    "Order: relevance (default with q: fewer typos, then exact over prefix, then BM25F score, "
                        + "then more words in one field), project (default otherwise), jobs, investment, aid, "
                        + "distance (needs near); prefix - for descending.",
                    [
                        "type": "string",
                        "enum": [
                            "relevance", "-relevance", "project", "-project", "jobs", "-jobs", "investment",
                            "-investment", "aid", "-aid", "distance", "-distance",
                        ],
                    ]),
                param(
                    "highlight", "Add to each item the matched spans per field (code point offsets, end exclusive).",
                    ["type": "boolean", "default": false]),
                param(
                    "facets", "Count the matches per value of these dimensions.",
                    [
                        "oneOf": [
                            dimension, ["type": "array", "items": dimension, "minItems": 1, "uniqueItems": true],
                        ]
                    ]),
            ]
        case .laureateStats:
            let by: JSONValue = [
                "oneOf": [
                    dimension,
                    ["type": "array", "items": dimension, "minItems": 1, "maxItems": 2, "uniqueItems": true],
                ],
                "default": "sector",
            ]
            return [param("by", "What to group by: one dimension, or two for a cross-table.", by)] + filterParams
        case .laureateChanges:
            return [
                param(
                    "since", "The generation to catch up from (server.status's dataset.generation when last read).",
                    count, required: true)
            ]
        case .eventsSubscribe:
            return [
                param(
                    "topics", "Topics to receive.",
                    ["type": "array", "items": ["type": "string", "enum": ["dataset"]]], required: true)
            ]
        default:
            return []
        }
    }

    /// A whole record, or with `fields` only the members selected.
    private static let selectedLaureate: JSONValue = [
        "anyOf": [
            ["$ref": "#/components/schemas/Laureate"],
            ["type": "object", "required": ["id"], "properties": ["id": ["$ref": "#/components/schemas/LaureateId"]]],
        ]
    ]

    private static func result(_ method: Method) -> JSONValue {
        let schema: JSONValue
        switch method {
        case .ping: schema = ["type": "string", "const": "pong"]
        case .laureateGet: schema = selectedLaureate
        case .laureateSearch:
            schema = [
                "type": "object", "required": ["total", "items", "offset", "next_offset"],
                "properties": [
                    "total": count, "offset": count,
                    "items": ["type": "array", "items": selectedLaureate],
                    "next_offset": ["type": ["integer", "null"]],
                    "facets": [
                        "type": "object",
                        "additionalProperties": [
                            "type": "array",
                            "items": [
                                "type": "object", "required": ["key", "count"],
                                "properties": ["key": string, "count": count],
                            ],
                        ],
                    ],
                    "suggestions": [
                        "type": "object", "required": ["words", "filters"],
                        "properties": [
                            "words": [
                                "type": "array",
                                "items": [
                                    "type": "object", "required": ["word", "did_you_mean"],
                                    "properties": [
                                        "word": string, "did_you_mean": ["type": "array", "items": string],
                                    ],
                                ],
                            ],
                            "filters": [
                                "type": "array",
                                "items": [
                                    "type": "object", "required": ["q", "total"],
                                    "properties": ["q": string, "total": count],
                                ],
                            ],
                        ],
                    ],
                ],
            ]
        case .laureateStats:
            schema = [
                "type": "object", "required": ["groups", "total"],
                "properties": [
                    "groups": ["type": "array", "items": ["$ref": "#/components/schemas/StatsGroup"]],
                    "total": ["$ref": "#/components/schemas/StatsGroup"],
                ],
            ]
        case .laureateChanges: schema = ["$ref": "#/components/schemas/DatasetChange"]
        case .sectorList:
            schema = [
                "type": "array",
                "items": [
                    "type": "object", "required": ["id", "label", "count"],
                    "properties": ["id": ["$ref": "#/components/schemas/SectorId"], "label": string, "count": count],
                ],
            ]
        case .programInfo: schema = ["type": "object"]
        case .serverStatus:
            schema = [
                "type": "object",
                "required": ["version", "started_at", "uptime_s", "connections", "requests_total", "dataset"],
                "properties": [
                    "version": string, "started_at": ["type": "string", "format": "date-time"],
                    "uptime_s": ["type": "number"],
                    "connections": count, "requests_total": count,
                    "dataset": ["$ref": "#/components/schemas/DatasetInfo"],
                ],
            ]
        case .serverReload: schema = ["$ref": "#/components/schemas/DatasetInfo"]
        case .serverMetrics:
            schema = [
                "type": "object", "required": ["content_type", "text"],
                "properties": [
                    "content_type": ["type": "string", "const": .string(RequestDispatcher.metricsContentType)],
                    "text": ["type": "string", "description": "Prometheus text exposition format 0.0.4."],
                ],
            ]
        case .eventsSubscribe:
            schema = ["type": "object", "properties": ["topics": ["type": "array", "items": string]]]
        case .rpcDiscover: schema = ["type": "object", "description": "An OpenRPC 1.x document."]
        }
        return ["name": .string(method.rawValue + ".result"), "schema": schema]
    }

    private static func errors(_ method: Method) -> [JSONValue] {
        var codes: [ErrorCode] = []
        switch method {
        case .laureateGet: codes = [.invalidParams, .notFound]
        case .laureateSearch, .laureateStats, .laureateChanges, .eventsSubscribe: codes = [.invalidParams]
        case .serverReload: codes = [.forbidden, .reloadFailed]
        default: break
        }
        return codes.map { ["code": .number(JSONNumber(Int64($0.rawValue))), "message": .string($0.meaning)] }
    }

    private static let components: JSONValue = [
        "schemas": [
            "LaureateId": ["type": "string", "pattern": "^[a-z0-9-]+$"],
            "SectorId": ["type": "string", "enum": .array(Sector.allCases.map { .string($0.rawValue) })],
            "Laureate": [
                "type": "object", "required": ["id", "call", "sources"],
                "properties": [
                    "id": ["$ref": "#/components/schemas/LaureateId"], "project": string, "title": string,
                    "company": string,
                    "city": string, "department": string, "region": string,
                    "sector": ["$ref": "#/components/schemas/SectorId"],
                    "summary": string, "jobs": count, "investment_eur": count, "aid_eur": count, "call": string,
                    "announced": ["type": "string", "format": "date"],
                    "sources": ["type": "array", "items": ["type": "string", "format": "uri"]],
                    "notes": string, "derived": ["type": "array", "items": string],
                ],
            ],
            "StatsGroup": [
                "type": "object",
                "description": "Figures over the records that carry them; null when none does (unknown, never 0).",
                "required": ["count", "jobs", "investment_eur", "aid_eur", "known", "min", "max", "mean", "median"],
                "properties": [
                    "key": [
                        "oneOf": [
                            ["type": ["string", "null"]], ["type": "array", "items": ["type": ["string", "null"]]],
                        ]
                    ],
                    "count": count, "jobs": nullableCount, "investment_eur": nullableCount, "aid_eur": nullableCount,
                    "known": perFigure(count), "min": perFigure(nullableCount), "max": perFigure(nullableCount),
                    "mean": perFigure(["type": ["number", "null"]]), "median": perFigure(["type": ["number", "null"]]),
                ],
            ],
            "DatasetChange": [
                "type": "object",
                "description": .string(
                    "What changed from generation since to generation: each list at most 1000 ids (truncated then; "
                        + "counts are whole); a record is changed when its JSON differs."),
                "required": [
                    "since", "generation", "added", "removed", "changed", "changed_fields", "counts", "truncated",
                ],
                "properties": [
                    "since": count, "generation": count,
                    "added": ["type": "array", "items": string], "removed": ["type": "array", "items": string],
                    "changed": ["type": "array", "items": string],
                    "changed_fields": ["type": "object", "additionalProperties": ["type": "array", "items": string]],
                    "counts": [
                        "type": "object", "required": ["added", "removed", "changed"],
                        "properties": ["added": count, "removed": count, "changed": count],
                    ],
                    "truncated": ["type": "boolean"],
                ],
            ],
            "DatasetInfo": [
                "type": "object", "required": ["path", "sha256", "records", "generation", "loaded_at"],
                "properties": [
                    "path": string, "paths": ["type": "array", "items": string], "sha256": string, "records": count,
                    "generation": ["type": "integer", "minimum": 1],
                    "files": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["path"],
                            "properties": ["path": string, "modified_at": ["type": "string", "format": "date-time"]],
                        ],
                    ],
                    "loaded_at": ["type": "string", "format": "date-time"],
                ],
            ],
        ]
    ]

    /// The document for a daemon of `version`.
    public static func document(version: String) -> JSONValue {
        let methods: [JSONValue] = Method.allCases.map { method in
            var object: JSONObject = [
                "name": .string(method.rawValue),
                "summary": .string(method.summary),
                "paramStructure": "by-name",
                "params": .array(params(method)),
                "result": result(method),
            ]
            let errors = errors(method)
            if !errors.isEmpty { object["errors"] = .array(errors) }
            return .object(object)
        }
        return [
            "openrpc": "1.3.2",
            "info": [
                "title": "laureated",
                "description": .string(
                    "Laureates of the call « (Re)localisations dans les secteurs critiques » (France Relance), "
                        + "over line-delimited JSON-RPC 2.0 on a Unix socket."),
                "version": .string(version),
                "license": ["name": "Licence Ouverte 2.0 (data)"],
            ],
            "methods": .array(methods),
            "components": components,
        ]
    }
}
