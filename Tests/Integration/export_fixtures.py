"""Official-export fixtures served over HTTP on 127.0.0.1, with ETag and Last-Modified, for the
laureated-refresh tests (Tests/Integration/refresh.py by hand; checks.sh under real systemd).

    python3 export_fixtures.py PORT      serve until killed

Paths: /new.csv (3 rows; 304 to its own ETag), /bad-row.csv (a département that does not exist),
/truncated.csv (announces the whole of /new.csv, sends half and hangs up), /error.csv (a 500),
anything else a 404.
"""

import email.utils
import hashlib
import http.server
import sys
import threading

HEADER = ("entreprise,type_entreprise,siren,volet_relance,mesure,nom_departement,nom_commune,code_postal,"
          "coordonnees_gps,description_projet,mesure_light,mise_a_jour,filiere,"
          "tonnes_equivalent_co2_pour_les_projets_decarbonation,code_departement,nom_region")


def export(companies, department="44"):
    rows = [HEADER]
    for index, company in enumerate(companies):
        rows.append(f'{company},PME,{123456780 + index},Compétitivité,(Re)localisation dans les secteurs critiques,'
                    f'Loire-Atlantique,Nantes,44000,"47.2184, -1.5536",Une usine de {company},Relocalisation,'
                    f'2022-07-17,Santé,,{department},PAYS DE LA LOIRE')
    return ("\r\n".join(rows) + "\r\n").encode()


OLD = export(["Ancienne Alpha", "Ancienne Beta"])
NEW = export(["Nouvelle Gamma", "Nouvelle Delta", "Nouvelle Epsilon"])
BAD = export(["Mauvaise Zeta"], department="999")
LAST_MODIFIED = email.utils.formatdate(1_700_000_000, usegmt=True)


class Fixtures(http.server.BaseHTTPRequestHandler):
    requests = []

    def do_GET(self):
        Fixtures.requests.append((self.path, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")))
        if self.path == "/new.csv":
            etag = '"' + hashlib.sha256(NEW).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_body(NEW, etag=etag)
        elif self.path == "/bad-row.csv":
            self.send_body(BAD)
        elif self.path == "/truncated.csv":
            # Announces the whole file, sends half of it, and hangs up.
            self.send_response(200)
            self.send_header("Content-Length", str(len(NEW)))
            self.end_headers()
            self.wfile.write(NEW[: len(NEW) // 2])
            self.wfile.flush()
            self.close_connection = True
        elif self.path == "/error.csv":
            self.send_body(b"internal error\n", status=500)
        else:
            self.send_body(b"not found\n", status=404)

    def send_body(self, body, status=200, etag=None):
        self.send_response(status)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", LAST_MODIFIED)
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *arguments):
        pass



def serve(port=0):
    """Starts the server on a thread; returns it (its port: server.server_address[1])."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Fixtures)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Fixtures).serve_forever()
