"""``advisoros server`` (run the API) and ``advisoros accounts add`` (create a firm's users)."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from pathlib import Path

import uvicorn

from advisoros_desktop.domain.entities import Role
from advisoros_desktop.paths import data_dir
from advisoros_desktop.server.config import ServerConfig

log = logging.getLogger(__name__)


def server_data_dir(option: str | None) -> Path:
    return data_dir(option) if option else data_dir(None) / "server"


def register(commands: argparse._SubParsersAction) -> None:
    server = commands.add_parser(
        "server", help="run the AdvisorOS API server", description="Run the AdvisorOS API server."
    )
    server.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this computer only)",
    )
    server.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    _storage_options(server)
    server.add_argument(
        "--demo",
        action="store_true",
        help="seed the fictional 'Demo CPA Firm' (demo@example.com / demo)",
    )
    server.add_argument(
        "--rate-limit",
        type=float,
        default=0.0,
        metavar="PER_SECOND",
        help="requests per second per caller before 429 (default: no limit)",
    )
    server.add_argument(
        "--tombstone-retention-days",
        type=float,
        default=90.0,
        help="how long deletions are kept for clients to sync (default 90)",
    )
    server.set_defaults(handler=run_server)

    accounts = commands.add_parser("accounts", help="manage a server's firms and users")
    actions = accounts.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add a user (and their firm, if new)")
    _storage_options(add)
    add.add_argument("--organization", required=True, help="the firm's name")
    add.add_argument("--email", required=True)
    add.add_argument("--name", required=True, help="the person's name")
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.CPA.value)
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input instead of asking",
    )
    add.set_defaults(handler=add_account)


def _storage_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL, e.g. postgresql+psycopg://user@host/advisoros "
        "(default: a SQLite file in the data folder)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for the database, uploads and files (default: the user data folder)",
    )


def _config(args: argparse.Namespace) -> ServerConfig:
    return ServerConfig(
        data_dir=server_data_dir(args.data_dir),
        db_url=args.db,
        rate_limit_per_second=getattr(args, "rate_limit", 0.0),
        tombstone_retention_days=getattr(args, "tombstone_retention_days", 90.0),
    )


def run_server(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    config = _config(args)
    from advisoros_desktop.server.app import create_app

    app = create_app(config)
    if args.demo:
        from advisoros_desktop.server.demo.seed import seed_demo_firm

        seed_demo_firm(app.state.server.engine, config)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("listening on %s: other computers can reach this server", args.host)
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(
        f"AdvisorOS server: http://{host}:{args.port}/api/v1  (data: {config.data_dir})", flush=True
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def add_account(args: argparse.Namespace) -> int:
    from advisoros_desktop.server.database import create_engine
    from advisoros_desktop.server.organizations import (
        AccountError,
        add_user,
        create_organization,
        find_organization,
    )

    config = _config(args)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(config.database_url)
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"Password for {args.email}: ")
    org_id = find_organization(engine, args.organization) or create_organization(
        engine, args.organization
    )
    try:
        add_user(engine, org_id, args.email, args.name, args.role, password)
    except AccountError as err:
        print(f"advisoros accounts add: {err}", file=sys.stderr)
        return 2
    print(f"Added {args.email} ({args.role}) to {args.organization}.")
    return 0
