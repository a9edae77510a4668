/// The varlink interface of the dataset, in varlink's interface definition language: the one
/// introspection source of the varlink front end (`org.varlink.service.GetInterfaceDescription`
/// returns this text, `varlinkctl introspect` and `python3 -m varlink.cli help` print it). Each
/// method is the twin of a JSON-RPC method and returns the same data (docs/protocol.md maps them).
public enum DatasetInterface {
    /// The interface's reverse-domain name, kept for good: clients address methods by it.
    public static let name = "io.laureated.Dataset"

    public static let description = """
        # Laureates of the call for projects « (Re)localisations dans les secteurs critiques »
        # (France Relance): the same service as laureated's JSON-RPC socket, on varlink.
        # A parameter given as null is the same as one left out.
        interface io.laureated.Dataset

        # A laureate record. Only id is always there: with fields, only the members asked for are;
        # a figure the sources do not give is left out (unknown, never 0).
        type Laureate (
          id: string,
          project: ?string,
          title: ?string,
          company: ?string,
          city: ?string,
          # INSEE département code, e.g. "22" or "2A".
          department: ?string,
          region: ?string,
          # One of the ids ListSectors returns.
          sector: ?string,
          summary: ?string,
          jobs: ?int,
          investment_eur: ?int,
          aid_eur: ?int,
          call: ?string,
          # ISO date, YYYY-MM-DD.
          announced: ?string,
          sources: ?[]string,
          notes: ?string,
          siren: ?string,
          company_type: ?string,
          postal_code: ?string,
          latitude: ?float,
          longitude: ?float,
          updated: ?string,
          # Fields the daemon filled in from others (region from the département).
          derived: ?[]string,
          # Search with near: the great-circle distance to the point.
          distance_km: ?float,
          # Search with highlight: per field, the matched spans as [start, end) code point offsets.
          highlight: ?[string][][]int
        )

        # Bounds on a figure; records without the figure never match.
        type Range (min: ?float, max: ?float)

        # A point and a radius; records without coordinates never match.
        type Near (lat: float, lon: float, km: float)

        type FacetCount (key: string, count: int)

        type WordSuggestion (word: string, did_you_mean: []string)

        type FilterSuggestion (q: string, total: int)

        # What a search that found nothing could try instead.
        type Suggestions (words: []WordSuggestion, filters: []FilterSuggestion)

        # One figure per kind: jobs, investment and aid in euros.
        type Figures (jobs: ?int, investment_eur: ?int, aid_eur: ?int)

        type Means (jobs: ?float, investment_eur: ?float, aid_eur: ?float)

        # Figures over the records that carry them; null when none does (unknown, never 0).
        type StatsGroup (
          # The group's value: a string (null for records without it), or for a cross-table an
          # array of two such values. Absent in the total.
          key: ?object,
          count: int,
          jobs: ?int,
          investment_eur: ?int,
          aid_eur: ?int,
          # How many records of the group carry each figure.
          known: Figures,
          min: Figures,
          max: Figures,
          mean: Means,
          median: Means
        )

        type SectorCount (id: string, label: string, count: int)

        type SectorLabel (id: string, label: string)

        type ProgramTotals (
          as_of: string,
          laureates: ?int,
          sme_laureates: ?int,
          investment_eur: ?int,
          aid_eur: ?int,
          jobs_created_or_secured: ?int,
          sources: []string
        )

        # One announcement of new laureates.
        type Wave (
          date: string,
          new_laureates: ?int,
          investment_eur: ?int,
          aid_eur: ?int,
          jobs_text: ?string,
          notes: ?string,
          sources: []string
        )

        # The call for projects: its envelope, sectors and announcement waves.
        type Program (
          id: string,
          name: string,
          plan: string,
          operator: string,
          launched: string,
          envelope_eur: int,
          envelope_initial_eur: ?int,
          sectors: []SectorLabel,
          totals: ?ProgramTotals,
          waves: []Wave,
          notes: ?string,
          sources: []string
        )

        type DatasetFile (path: string, modified_at: ?string)

        # The dataset served: where it was read from, its digest and size.
        type DatasetInfo (
          path: string,
          paths: []string,
          sha256: string,
          records: int,
          # 1 for the daemon's first load, one more per successful reload.
          generation: int,
          loaded_at: string,
          files: []DatasetFile
        )

        # Checks that the daemon answers (JSON-RPC ping).
        method Ping() -> (reply: string)

        # One laureate record by its id (laureate.get).
        method Get(id: string, fields: ?[]string) -> (record: Laureate)

        # Searches the laureates by words and filters, one page at a time (laureate.search).
        # Every word of q must match, as itself, as a prefix from 3 letters, or with typos unless
        # typos is false. sort: relevance, project, jobs, investment, aid or distance, - for
        # descending. facets: sector, region, department or call.
        method Search(
          q: ?string,
          typos: ?bool,
          sector: ?[]string,
          region: ?[]string,
          department: ?[]string,
          city: ?[]string,
          company: ?[]string,
          call: ?[]string,
          jobs: ?Range,
          investment_eur: ?Range,
          aid_eur: ?Range,
          near: ?Near,
          fields: ?[]string,
          limit: ?int,
          offset: ?int,
          sort: ?string,
          highlight: ?bool,
          facets: ?[]string
        ) -> (
          total: int,
          items: []Laureate,
          offset: int,
          next_offset: ?int,
          facets: ?[string][]FacetCount,
          suggestions: ?Suggestions
        )

        # Counts laureates and sums their figures per group (laureate.stats). by: one of sector,
        # region, department, call, or two of them for a cross-table; the filters are Search's.
        method Stats(
          by: ?[]string,
          q: ?string,
          typos: ?bool,
          sector: ?[]string,
          region: ?[]string,
          department: ?[]string,
          city: ?[]string,
          company: ?[]string,
          call: ?[]string,
          jobs: ?Range,
          investment_eur: ?Range,
          aid_eur: ?Range,
          near: ?Near
        ) -> (groups: []StatsGroup, total: StatsGroup)

        type ChangeCounts (added: int, removed: int, changed: int)

        # What changed since a generation (laureate.changes): ids added, removed and changed (a
        # record whose JSON differs), each list at most 1000 long (truncated then; counts are
        # whole), and per changed id the fields that differ. The last 16 generations are kept;
        # an older since is an InvalidParameter naming the oldest one.
        method Changes(since: int) -> (
          since: int,
          generation: int,
          added: []string,
          removed: []string,
          changed: []string,
          changed_fields: [string][]string,
          counts: ChangeCounts,
          truncated: bool
        )

        # The sectors of the call with their laureate counts (sector.list).
        method ListSectors() -> (sectors: []SectorCount)

        # The facts of the call for projects (program.info).
        method ProgramInfo() -> (program: Program)

        # The daemon's version, uptime, counters and the dataset served (server.status).
        # last_reload: how the last reload went (ok, at, trigger, and duration_ms and records, or
        # error), absent before the first.
        method Status() -> (
          version: string,
          started_at: string,
          uptime_s: float,
          connections: int,
          requests_total: int,
          dataset: DatasetInfo,
          last_reload: ?object
        )

        # The daemon's metrics in Prometheus's text exposition format 0.0.4 (server.metrics):
        # requests by method and outcome, their server time, connections, bytes, reloads, the
        # dataset. content_type is the format's media type.
        method Metrics() -> (content_type: string, text: string)

        # Re-reads the dataset atomically (server.reload); the old data stays on failure.
        # Admins only: root, the daemon's uid, or the configured uids and groups.
        method Reload() -> (dataset: DatasetInfo)

        # The dataset now, then one reply per reload (events.subscribe): call it with more.
        # event: "current" first, then "reloaded" (with the change, as Changes returns it) or
        # "reload_failed" (with at and error, the dataset being the one still served).
        method Subscribe() -> (
          event: string,
          dataset: DatasetInfo,
          at: ?string,
          error: ?object,
          since: ?int,
          generation: ?int,
          added: ?[]string,
          removed: ?[]string,
          changed: ?[]string,
          changed_fields: ?[string][]string,
          counts: ?ChangeCounts,
          truncated: ?bool
        )

        # No laureate has that id.
        error NotFound (id: string)

        # The dataset could not be (re)loaded; the old one is still served.
        error ReloadFailed (reason: string, path: ?string, line: ?int, field: ?string)

        # Too many connections or reloads; the connection is closed after.
        error Overloaded (reason: string)

        # A bug, logged by the daemon with its detail; never a crash.
        error InternalError (message: string)

        """
}
