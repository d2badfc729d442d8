"""Write data/raw/sample/crawl.warc.gz, the WARC part of the bundled sample dump.

The archive holds a warcinfo record, three `response` records with news pages (articles
invented for the project), one `response` that is a PNG image (ingest rejects it as
`not_html`) and one `request` record (not an input record; ingest skips it).

Deterministic: every WARC-Date and WARC-Record-ID is fixed and warcio's gzip members carry
no timestamp, so rerunning the script rewrites the same bytes.

    .venv/bin/python scripts/make_sample_warc.py [--out PATH]
"""
from __future__ import annotations

import argparse
import html
import struct
import zlib
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "data" / "raw" / "sample" / "crawl.warc.gz"

PAGES = [
    dict(
        record_id="<urn:uuid:6f1d2c3a-0001-4a5b-9c7d-5a3e1b2c0001>",
        warc_date="2025-09-05T18:22:10Z",
        url="https://example-desertcourts.test/2025/09/05/otero-contempt-fine",
        outlet="Desert Courts Monitor",
        published="2025-09-05T12:40:00-06:00",
        title="Judge holds ICE in contempt over lawyer access at New Mexico detention center",
        paras=[
            "LAS CRUCES, N.M. — A federal judge on Thursday held U.S. Immigration and Customs Enforcement "
            "in civil contempt for failing to give detainees at the Otero County Processing Center confidential "
            "phone calls with their lawyers, and ordered the agency to pay $5,000 for every day it remains "
            "out of compliance.",
            "U.S. District Judge Victoria Anaya found that ICE had ignored an order she issued in May "
            "requiring private attorney calls within 48 hours of a request. Lawyers for the detainees "
            "submitted call logs showing that, over the summer, the average wait was 11 days and that many "
            "calls took place in a hallway within earshot of guards.",
            "\u201cAn order of this court is not a suggestion,\u201d Anaya wrote. She ruled that the agency "
            "had the means to comply and simply had not, and she directed ICE to file a sworn status "
            "report every Friday until an independent monitor confirms the problem is fixed.",
            "The fines will be paid into a fund for legal services for people held at the facility, which "
            "sits in the desert about 50 miles north of El Paso. Payments begin Monday if the agency has not "
            "installed the additional phone booths it promised in August.",
            "The detainees, including a Mexican man identified in court papers as A.R.V. who has been held "
            "there for seven months, sued in 2024 with the help of the Rio Grande Detention Legal Project. "
            "ICE told the court that staffing shortages and a contractor dispute caused the delays. A "
            "spokesperson said the agency was considering an appeal to the 10th U.S. Circuit Court of Appeals.",
        ],
    ),
    dict(
        record_id="<urn:uuid:6f1d2c3a-0002-4a5b-9c7d-5a3e1b2c0002>",
        warc_date="2024-06-21T09:03:44Z",
        url="https://example-pacificlaw.test/news/adelanto-cameroon-asylum",
        outlet="Pacific Law Ledger",
        published="2024-06-21T07:00:00-07:00",
        title="Cameroonian asylum seeker freed from Adelanto after judge grants protection",
        paras=[
            "ADELANTO, Calif. — A Cameroonian teacher who spent 16 months at the Adelanto ICE Processing "
            "Center was released on Wednesday, two days after an immigration judge granted him asylum, his "
            "lawyers said.",
            "The man, who asked to be identified only as Emmanuel T. because relatives remain in Cameroon, "
            "fled the country's English-speaking Northwest region in 2022 after soldiers burned his school "
            "and detained him for three weeks on suspicion of supporting separatists. He crossed into the "
            "United States near Calexico in February 2023 and asked Border Patrol agents for asylum.",
            "Instead of being released to relatives in Maryland, he was sent to Adelanto, where he waited "
            "more than a year for a final hearing. ICE twice declined to release him on parole, saying he "
            "had not proved his identity, even after he submitted his passport and teaching certificate.",
            "At a hearing on Monday, an immigration judge in the Adelanto Immigration Court found his "
            "testimony credible and ruled that he faced a well-founded fear of persecution. Government "
            "lawyers waived their right to appeal to the Board of Immigration Appeals, making the decision final.",
            "\u201cI kept telling myself that the truth would be enough,\u201d Emmanuel T. said by phone from "
            "Los Angeles, where a church group met him outside the facility. He plans to join his cousin in "
            "Silver Spring next month.",
            "The Executive Office for Immigration Review, which runs the immigration courts, does not comment "
            "on individual cases.",
        ],
    ),
    dict(
        record_id="<urn:uuid:6f1d2c3a-0003-4a5b-9c7d-5a3e1b2c0003>",
        warc_date="2025-05-30T21:15:02Z",
        url="https://example-empirecourts.test/2025/05/30/bronx-shooting-sentence",
        outlet="Empire Courts Daily",
        published="2025-05-30T16:10:00-04:00",
        title="Man extradited from Dominican Republic gets 25 years to life for Bronx killing",
        paras=[
            "NEW YORK — A man who fled to the Dominican Republic after fatally shooting a bodega worker in "
            "the Bronx in 2019 was sentenced on Thursday to 25 years to life in prison, three years after he "
            "was extradited to New York.",
            "Ramón Esteban Tavárez, 35, was convicted of second-degree murder in April after a two-week "
            "trial in State Supreme Court in the Bronx. Justice Harriet Lowenstein imposed the maximum "
            "sentence, saying the killing of Yusuf Al-Harbi, 24, over a disputed $20 debt was \u201csenseless "
            "in every sense of the word.\u201d",
            "Tavárez left New York two days after the shooting and lived in Santiago de los Caballeros for "
            "about two years. Dominican police arrested him in 2021 with help from the U.S. Marshals "
            "Service, and he was extradited to the United States in May 2022, according to the Bronx "
            "District Attorney's Office.",
            "At the sentencing, Al-Harbi's father, who flew in from Yemen, told the court that his son had "
            "sent money home every month. Tavárez did not speak.",
            "His lawyer, Ilana Brightman, said he plans to appeal, arguing that a witness's identification "
            "should have been suppressed. The appeal would go to the Appellate Division, First Department.",
        ],
    ),
]

STYLE = "body{font-family:Georgia,serif;margin:0}nav a{margin-right:1em}.ad{display:none}"
SCRIPT = "window.__analytics={site:'%s'};document.addEventListener('DOMContentLoaded',function(){});"


def news_page(page: dict) -> bytes:
    """A full news page: head metadata, nav, script and style boilerplate, article, footer."""
    esc = html.escape
    paras = "\n".join(f"    <p>{esc(p, quote=False)}</p>" for p in page["paras"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{esc(page['title'])} | {esc(page['outlet'])}</title>
  <meta property="og:site_name" content="{esc(page['outlet'])}">
  <meta property="og:title" content="{esc(page['title'])}">
  <meta property="article:published_time" content="{page['published']}">
  <meta name="date" content="{page['published'][:10]}">
  <link rel="canonical" href="{esc(page['url'])}">
  <style>{STYLE}</style>
  <script>{SCRIPT % esc(page['outlet'])}</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/courts">Courts</a> <a href="/immigration">Immigration</a> <a href="/subscribe">Subscribe</a></nav>
  <main>
  <article>
    <h1>{esc(page['title'])}</h1>
    <p class="byline">By Staff Reporter</p>
{paras}
  </article>
  <aside class="ad">Advertisement</aside>
  </main>
  <footer><p>&copy; {page['published'][:4]} {esc(page['outlet'])}. All rights reserved.</p>
  <p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a> | <a href="/contact">Contact us</a></p></footer>
</body>
</html>
""".encode("utf-8")


def tiny_png() -> bytes:
    """A valid 1x1 grey PNG, built here so the script needs no binary asset."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b"")


def http_response(content_type: str, body: bytes, last_modified: str) -> StatusAndHeaders:
    return StatusAndHeaders("200 OK", [
        ("Content-Type", content_type),
        ("Content-Length", str(len(body))),
        ("Last-Modified", last_modified),
        ("Server", "nginx"),
    ], protocol="HTTP/1.1")


def write(out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fp:
        writer = WARCWriter(fp, gzip=True)
        info = (b"software: legalnews scripts/make_sample_warc.py (warcio)\r\n"
                b"format: WARC File Format 1.0\r\n"
                b"description: sample crawl of invented legal-news pages for the legalnews project\r\n")
        writer.write_record(writer.create_warc_record(
            out.name, "warcinfo", payload=BytesIO(info), length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Record-ID": "<urn:uuid:6f1d2c3a-0000-4a5b-9c7d-5a3e1b2c0000>",
                               "WARC-Date": "2025-09-06T00:00:00Z", "WARC-Filename": out.name}))

        first = PAGES[0]
        request = (f"GET /2025/09/05/otero-contempt-fine HTTP/1.1\r\n"
                   f"Host: example-desertcourts.test\r\nUser-Agent: legalnews-sample-crawler/1.0\r\n"
                   f"Accept: text/html\r\n\r\n").encode("ascii")
        writer.write_record(writer.create_warc_record(
            first["url"], "request", payload=BytesIO(request), length=len(request),
            warc_content_type="application/http; msgtype=request",
            warc_headers_dict={"WARC-Record-ID": "<urn:uuid:6f1d2c3a-0100-4a5b-9c7d-5a3e1b2c0100>",
                               "WARC-Date": first["warc_date"],
                               "WARC-Concurrent-To": first["record_id"]}))

        for page in PAGES:
            body = news_page(page)
            writer.write_record(writer.create_warc_record(
                page["url"], "response", payload=BytesIO(body), length=len(body),
                http_headers=http_response("text/html; charset=utf-8", body, "Fri, 05 Sep 2025 18:00:00 GMT"),
                warc_headers_dict={"WARC-Record-ID": page["record_id"], "WARC-Date": page["warc_date"]}))

        png = tiny_png()
        writer.write_record(writer.create_warc_record(
            "https://example-desertcourts.test/static/img/otero-facility.png", "response",
            payload=BytesIO(png), length=len(png),
            http_headers=http_response("image/png", png, "Fri, 05 Sep 2025 18:00:00 GMT"),
            warc_headers_dict={"WARC-Record-ID": "<urn:uuid:6f1d2c3a-0200-4a5b-9c7d-5a3e1b2c0200>",
                               "WARC-Date": "2025-09-05T18:22:11Z"}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"where to write (default: {DEFAULT_OUT})")
    args = parser.parse_args()
    write(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
