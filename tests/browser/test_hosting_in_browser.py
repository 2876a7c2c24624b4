"""Hosting: oversized and hostile links and uploads get a notice and the server goes on
answering; and the page fetches nothing from outside the server, so a council can keep it
in-house."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from incentives.packages import MAX_LINK_CHARACTERS, MAX_UPLOAD_BYTES
from tests.browser.harness import wait_for_app

# Each alias would multiply the one before: nine to the power of three lists of "lol".
YAML_BOMB = (
    'a: &a ["lol", "lol"]\n'
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
)
CODE_IN_YAML = '!!python/object/apply:os.system ["echo owned"]\n'


def alerts(page) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(page.locator("[data-testid='stAlert']").all_inner_texts())


def healthy(url: str) -> bool:
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as reply:
        return reply.status == 200


def test_an_oversized_link_opens_with_notices_and_the_defaults(page, app_url):
    junk = "&".join(f"utm_{i}=x" for i in range(200))  # unknown names: ignored quietly
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(
        f"{app_url}/?packages={'A' * (MAX_LINK_CHARACTERS + 1)}&years={'9' * 500}"
        f"&offers=%3Cscript%3Ealert(1)%3C/script%3E&{junk}"
    )
    wait_for_app(page)
    page.locator("[data-testid='stAlert']").nth(2).wait_for()
    shown = alerts(page)
    assert "The link's packages are too long to read." in shown
    assert "years" in shown and "it is too long" in shown
    assert "no offer has that name" in shown
    assert "?script?alert?1??/script?" in shown and not dialogs  # defused, never run
    # The comparison still opens, with the default offers and years
    expect(page.locator("[data-testid='stMain']")).to_contain_text("pays the most over 3 years")
    assert healthy(app_url)


def test_a_link_too_long_for_the_web_server_is_refused_and_the_server_stays_up(app_url):
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{app_url}/?packages={'A' * 200_000}", timeout=10)
    assert refused.value.code == 400
    assert healthy(app_url)


def upload(page, name: str, data: bytes) -> None:  # type: ignore[no-untyped-def]
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        {"name": name, "mimeType": "application/yaml", "buffer": data}
    )


@pytest.mark.parametrize(
    ("name", "data", "notice"),
    [
        ("bomb.yaml", YAML_BOMB.encode(), "anchors and aliases (*name) are not accepted"),
        ("code.yaml", CODE_IN_YAML.encode(), "could not determine a constructor"),
        # a control code pasted in: named where it is (line 2, column 10, as in the unit test)
        ("pasted.yaml", b"offers:\n  - id: a\x07b\n", "line 2, column 10: a special character"),
        ("big.yaml", b"#" * (MAX_UPLOAD_BYTES + 1), "larger than 100 KB"),
        ("huge.yaml", b"#" * 2_000_000, "File must be 1.0MB or smaller"),
    ],
    ids=["alias-bomb", "python-tag", "control-code", "over-app-limit", "over-server-limit"],
)
def test_a_hostile_or_oversized_upload_gets_a_notice(page, app_url, name, data, notice):
    page.goto(f"{app_url}/editor")
    wait_for_app(page)
    upload(page, name, data)
    expect(page.locator("[data-testid='stMain']")).to_contain_text(notice)
    # The page still works: the comparison opens as before
    page.get_by_role("link", name="Compare", exact=True).click()
    expect(page.locator("[data-testid='stMain']")).to_contain_text("pays the most over 3 years")
    assert healthy(app_url)


def test_every_page_loads_only_from_the_app_server(page, app_url):
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((app_url, "data:", "blob:"))
            else outside.append(request.url)
        ),
    )
    for path in ["", "leaving", "costs?fill=6", "flips", "browse", "editor"]:
        page.goto(f"{app_url}/{path}")
        wait_for_app(page)
    assert not outside
