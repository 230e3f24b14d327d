"""Command line of JIM-kiezer: `python -m bot.cli <command>` (also installed as `jim`).

setup         .env, Dutch pipeline, database migrations, base data, model (if changed)
run           start Rasa, the action server and the web app; Ctrl-C stops them
run --scale N N Rasa servers and N action servers behind nginx, sharing PostgreSQL and Redis
train         train the model (only if changed, unless --force)
test-stories  Rasa's conversation tests, failing on any wrong prediction
coach add     create a coach (and its team) and print its token once
coach list    list coaches and teams
coach disable / coach rotate   switch a coach off, or give a new token (old one stops)
team list / team set-email / team set-webhook   teams and where notifications go
team set-review-months   months between reviews of a started JIM (issue 18; default 2)
account add   a personal account (coach, teamleider, beheerder); prints its first sign-in link
account list / account role / account disable   accounts, roles, switching off
notify --once send pending notifications (e-mail, webhook) once, for cron and tests
privacy       delete one youth's data on request; purge data past RETENTION_DAYS
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time

from bot.settings import SettingsError, get_settings


def _say(step: str, text: str) -> None:
    print(f"\n\033[1m[{step}] {text}\033[0m", flush=True)


def cmd_setup(args: argparse.Namespace) -> int:
    from bot.nlu import nlp_pipeline
    from bot.run import setup_steps, training
    from bot.settings import PROJECT_DIR

    _say("4/7", "Settings (.env)")
    if setup_steps.ensure_env_file(PROJECT_DIR):
        print("Made .env from .env.example with fresh random secrets (demo mode).")
    else:
        print("Using the existing .env.")
        replaced = setup_steps.replace_placeholders(PROJECT_DIR)
        if replaced:
            print(f"Replaced the placeholder values of {', '.join(replaced)} with random ones.")
    settings = get_settings()
    _say("5/7", "Dutch language pipeline (spaCy blank nl + lookup lemmas, no download)")
    target = nlp_pipeline.pipeline_dir(PROJECT_DIR)
    print("Built" if nlp_pipeline.build_pipeline(target) else "Up to date:", target.name)
    _say("6/7", "Database (Alembic migrations)")
    setup_steps.migrate(settings)
    setup_steps.ensure_base_data(settings)
    print("Schema is at the newest version.")
    _say("7/7", "Rasa model (trained only when config, domain or data changed)")
    started = time.monotonic()
    model, trained = training.train_if_changed(PROJECT_DIR, force=args.force_train)
    if trained:
        print(f"Trained {model.name} in {time.monotonic() - started:.0f} s.")
    else:
        print(f"Up to date: {model.name}")
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from bot.run import training
    from bot.settings import PROJECT_DIR

    model, trained = training.train_if_changed(PROJECT_DIR, force=args.force)
    print(("Trained " if trained else "Up to date: ") + str(model))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from bot.run import launcher, setup_steps, training
    from bot.settings import PROJECT_DIR

    settings = get_settings()
    model = training.model_path(PROJECT_DIR)
    if not model.exists():
        print("No model for the current data: run scripts/setup first.", file=sys.stderr)
        return 1
    if getattr(args, "scale", 1) > 1:
        return run_scaled(settings, model, args.scale)
    stack = launcher.Stack(settings, model, PROJECT_DIR / ".run" / "logs")
    print("\nStarting the action server, the Rasa server and the web app...", flush=True)
    tokens: list[str | None] = []
    try:
        stack.start(
            progress=lambda line: print(line, flush=True),
            while_loading=lambda: tokens.append(setup_steps.ensure_base_data(settings)),
        )
    except launcher.StartError as error:
        print(f"Could not start: {error}", file=sys.stderr)
        return 1
    print(f"\nJIM-kiezer is running. Open {settings.public_url}/")
    print(f"  Rasa {settings.rasa_url} · actions {settings.action_url}")
    demo_token = tokens[0] if tokens else None
    if demo_token:
        print(f"  demo coach token: {demo_token}")
    print("Press Ctrl-C to stop.", flush=True)

    stopping = False

    def _stop(_signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    while not stopping:
        dead = stack.first_dead()
        if dead is not None:
            print(f"The {dead.name} stopped; its log ends with:\n{dead.log_tail()}")
            break
        time.sleep(0.5)
    print("\nStopping...", flush=True)
    stack.stop()
    print("Stopped.")
    return 0 if stopping else 1


def cmd_test_stories(args: argparse.Namespace) -> int:
    from bot.run import training
    from bot.settings import PROJECT_DIR

    model = training.model_path(PROJECT_DIR)
    command = [
        str(training.Path(sys.executable).parent / "rasa"),
        "test",
        "core",
        "--model",
        str(model),
        "--stories",
        "tests/test_stories.yml",
        "--fail-on-prediction-errors",
        "--out",
        "results",
    ]
    return subprocess.run(command, cwd=PROJECT_DIR).returncode


def _session(write: bool = False):
    """A session on the database of the settings (bot/storage/db.py: session_scope)."""
    from bot.storage.db import session_scope

    return session_scope(get_settings().database_url, write=write)


def _database():
    """An engine on the database of the settings, disposed of when the command ends."""
    from bot.storage.db import engine_scope

    return engine_scope(get_settings().database_url)


def _no_coach(coach_id: str) -> int:
    print(f"No coach with id {coach_id} (see: jim coach list).", file=sys.stderr)
    return 1


def _no_team(slug: str) -> int:
    print(f"No team {slug} (see: jim team list).", file=sys.stderr)
    return 1


def cmd_coach_add(args: argparse.Namespace) -> int:
    from bot.storage import repo

    with _session(write=True) as session:
        team = repo.ensure_team(session, args.team, args.team_name or args.team)
        coach, token = repo.create_coach(session, team, args.name, args.email)
        print(f"Coach {coach.name} ({coach.id}) in team {team.slug}.")
        print(f"Token (shown once, keep it safe): {token}")
    return 0


def cmd_coach_list(args: argparse.Namespace) -> int:
    from bot.storage import repo

    with _session() as session:
        for coach in repo.list_coaches(session):
            state = "active" if coach.active else "disabled"
            print(f"{coach.id}  {coach.team.slug:<16} {coach.name:<24} {state}")
    return 0


def cmd_privacy_delete(args: argparse.Namespace) -> int:
    from bot.storage import privacy

    settings = get_settings()
    with _database() as engine:
        conversation = privacy.resolve_conversation(engine, args.conversation)
        removed = privacy.delete_conversation(engine, conversation, settings.secret_key)
    print(
        f"Deleted {removed.nominations} nomination(s) and {removed.events} conversation event(s)."
    )
    return 0


def cmd_privacy_purge(args: argparse.Namespace) -> int:
    from bot.storage import privacy

    settings = get_settings()
    days = args.days if args.days is not None else settings.retention_days
    with _database() as engine:
        removed = privacy.purge(
            engine,
            days,
            access_log_days=settings.access_log_days,
            review_keep_days=settings.review_keep_days,
        )
    print(
        f"Older than {days} days: deleted {removed.nominations} closed nomination(s) and "
        f"{removed.conversations} conversation(s) ({removed.events} events); access-log "
        f"entries older than {settings.access_log_days} days; review-queue messages older "
        f"than {settings.review_keep_days} days."
    )


def cmd_coach_disable(args: argparse.Namespace) -> int:
    from bot.storage import repo

    with _session(write=True) as session:
        coach = repo.disable_coach(session, args.id)
        if coach is None:
            return _no_coach(args.id)
        print(f"Coach {coach.name} ({coach.id}) is disabled; the token no longer works.")
    return 0


def cmd_coach_rotate(args: argparse.Namespace) -> int:
    from bot.storage import repo

    with _session(write=True) as session:
        rotated = repo.rotate_coach_token(session, args.id)
        if rotated is None:
            return _no_coach(args.id)
        coach, token = rotated
        print(f"New token for {coach.name} ({coach.id}); the old token no longer works.")
        print(f"Token (shown once, keep it safe): {token}")
    return 0


def cmd_team_list(args: argparse.Namespace) -> int:
    from bot.storage import repo

    with _session() as session:
        for team in repo.list_teams(session):
            extra = " demo" if team.is_demo else ""
            mail = team.notify_email or "-"
            hook = team.webhook_url or "-"
            print(f"{team.slug:<16} {team.name:<24} mail={mail} webhook={hook}{extra}")
    return 0


def cmd_team_set_email(args: argparse.Namespace) -> int:
    from bot.storage import repo

    with _session(write=True) as session:
        team = repo.set_team_email(session, args.team, args.email)
        if team is None:
            return _no_team(args.team)
        print(f"Team {team.slug}: e-mail notifications to {team.notify_email or 'nobody'}.")
    return 0


def cmd_team_set_webhook(args: argparse.Namespace) -> int:
    from bot.storage import repo

    try:
        with _session(write=True) as session:
            team = repo.set_team_webhook(session, args.team, args.url, args.secret)
            if team is None:
                return _no_team(args.team)
            if not team.webhook_url:
                print(f"Team {team.slug}: no webhook.")
            else:
                print(f"Team {team.slug}: webhook {team.webhook_url}")
                print(f"Signing secret (X-JIM-Signature, HMAC-SHA256): {team.webhook_secret}")
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    return 0


def cmd_team_set_review_months(args: argparse.Namespace) -> int:
    """Issue 18: how often the portal and the e-mail ask for a review with youth and JIM."""
    from bot.storage import repo

    try:
        with _session(write=True) as session:
            team = repo.set_team_review_months(session, args.team, args.months)
            if team is None:
                return _no_team(args.team)
            print(f"Team {team.slug}: a review every {team.review_months} months.")
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    return 0


def cmd_account_add(args: argparse.Namespace) -> int:
    """A personal account (issue 17); the first beheerder is made this way. Prints the
    one-time sign-in link (also mailed when SMTP_HOST is set): no secret on the command
    line, only in its output."""
    from bot.accounts import accounts, links
    from bot.storage import repo

    settings = get_settings()
    try:
        with _session(write=True) as session:
            team = repo.ensure_team(session, args.team, args.team_name or args.team)
            coach = accounts.create_account(session, team, args.name, args.email, args.role)
            _, token = links.issue(
                session, settings.secret_key, coach, "welkom", settings.account_link_hours
            )
            print(f"Account {coach.email} ({coach.id}), {coach.role} of team {team.slug}.")
            print(f"First sign-in link (works once, {settings.account_link_hours} hours):")
            print(links.url_for(settings.public_url, token))
    except accounts.AccountError as error:
        print(str(error), file=sys.stderr)
        return 1
    return 0


def cmd_account_list(args: argparse.Namespace) -> int:
    from bot.storage import repo

    with _session() as session:
        for coach in repo.list_coaches(session):
            state = "active" if coach.active else "disabled"
            second = "totp" if coach.totp_secret else "-"
            print(
                f"{coach.id}  {coach.team.slug:<16} {coach.role:<10} "
                f"{coach.email or '-':<32} {second:<5} {state}"
            )
    return 0


def cmd_account_role(args: argparse.Namespace) -> int:
    from bot.accounts import accounts
    from bot.storage.models import Coach

    with _session(write=True) as session:
        coach = session.get(Coach, args.id)
        if coach is None:
            return _no_coach(args.id)
        try:
            accounts.change_role(session, coach, args.role)
        except accounts.AccountError as error:
            print(str(error), file=sys.stderr)
            return 1
        print(f"{coach.email or coach.name} is now {coach.role}; their sessions ended.")
    return 0


def cmd_account_disable(args: argparse.Namespace) -> int:
    from bot.accounts import accounts
    from bot.storage.models import Coach

    with _session(write=True) as session:
        coach = session.get(Coach, args.id)
        if coach is None:
            return _no_coach(args.id)
        accounts.set_active(session, coach, False)
        print(f"{coach.email or coach.name} is disabled; their sessions ended.")
    return 0


def cmd_notify(args: argparse.Namespace) -> int:
    from bot.coach import notify

    settings = get_settings()
    with _database() as engine:
        if args.once:
            from bot.coach import withdrawal

            finished = withdrawal.finish_due(engine, settings)  # issue 22: undo time over
            if finished:
                print(f"Withdrawals made final: {finished}.")
            if notify.queue_review_digests(engine, settings):  # issue 18: reviews due
                print("Review e-mails added.")
            sent, failed = notify.dispatch_pending(engine, settings)
            print(f"Sent {sent}, failed (will retry) {failed}.")
        else:
            notify.run_forever(engine, settings)
    return 0


def hide_password(url: str) -> str:
    """`url` with its password (if any) shown as ***."""
    from urllib.parse import urlparse

    parts = urlparse(url)
    return url.replace(f":{parts.password}@", ":***@") if parts.password else url


def run_scaled(settings, model, servers: int) -> int:
    """`jim run --scale N`: Rasa's scale-out on one machine (README: "Growing")."""
    from bot.run import launcher
    from bot.run.scaleout import ScaleOutStack
    from bot.settings import PROJECT_DIR

    var = PROJECT_DIR / "var"
    var.mkdir(mode=0o700, exist_ok=True)
    if os.geteuid() == 0 and not settings.database_url.startswith("postgresql"):
        var.chmod(0o711)  # the own PostgreSQL runs as `postgres`, which must pass through
    stack = ScaleOutStack(
        settings,
        model,
        PROJECT_DIR / ".run" / "scaleout",
        servers=servers,
        postgres_dir=var / "postgres",
    )
    print(f"\nStarting {servers} Rasa servers and {servers} action servers behind nginx...")
    try:
        stack.start(progress=lambda line: print(line, flush=True))
    except launcher.StartError as error:
        print(f"Could not start: {error}", file=sys.stderr)
        return 1
    print(f"\nJIM-kiezer is running. Open {settings.public_url}/")
    print(f"  Rasa (nginx) {stack.rasa_url} -> {' '.join(stack.servers)}")
    if stack.postgres is not None:
        shown = stack.database_url.replace(stack.postgres.password, "<password>")
        print(f"  own PostgreSQL: DATABASE_URL={shown}")
        print(f"    (<password>: in {stack.postgres.password_file}, readable by you only)")
    print(f"  lock store: {hide_password(stack.lock_store_url)}")
    if stack.demo_token:
        print(f"  demo coach token: {stack.demo_token}")
    print("Press Ctrl-C to stop.", flush=True)
    stopping = False

    def _stop(_signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    while not stopping:
        dead = stack.stack.first_dead()
        if dead is not None:
            print(f"The {dead.name} stopped; its log ends with:\n{dead.log_tail()}")
            break
        time.sleep(0.5)
    print("\nStopping...", flush=True)
    stack.stop()
    print("Stopped.")
    return 0 if stopping else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jim", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("setup", help="set up .env, pipeline, database and model")
    p.add_argument("--force-train", action="store_true")
    p.set_defaults(func=cmd_setup)
    p = sub.add_parser("run", help="start the whole product")
    p.add_argument(
        "--scale",
        type=int,
        default=1,
        metavar="N",
        help="N Rasa servers and N action servers behind nginx (PostgreSQL, Redis lock store)",
    )
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("train", help="train the model if config, domain or data changed")
    p.add_argument("--force", action="store_true")
    p.set_defaults(func=cmd_train)
    p = sub.add_parser("test-stories", help="Rasa conversation tests")
    p.set_defaults(func=cmd_test_stories)
    coach = sub.add_parser("coach", help="manage coaches").add_subparsers(
        dest="coach_command", required=True
    )
    p = coach.add_parser("add", help="create a coach and print its token once")
    p.add_argument("--team", required=True, help="team slug, e.g. team-noord")
    p.add_argument("--team-name", help="team name shown in the portal")
    p.add_argument("--name", required=True)
    p.add_argument("--email")
    p.set_defaults(func=cmd_coach_add)
    p = coach.add_parser("list", help="list coaches")
    p.set_defaults(func=cmd_coach_list)
    privacy = sub.add_parser("privacy", help="delete data on request, purge old data")
    privacy = privacy.add_subparsers(dest="privacy_command", required=True)
    p = privacy.add_parser("delete", help="delete everything of one conversation (a youth)")
    p.add_argument(
        "--conversation",
        required=True,
        help="youth.conversation_id of the nomination (gesprek-...), or the sender id",
    )
    p.set_defaults(func=cmd_privacy_delete)
    p = privacy.add_parser("purge", help="delete data older than RETENTION_DAYS")
    p.add_argument("--days", type=int, help="override RETENTION_DAYS")
    p.set_defaults(func=cmd_privacy_purge)
    p = coach.add_parser("disable", help="switch a coach off (the token stops working)")
    p.add_argument("id")
    p.set_defaults(func=cmd_coach_disable)
    p = coach.add_parser("rotate", help="give a coach a new token, printed once")
    p.add_argument("id")
    p.set_defaults(func=cmd_coach_rotate)
    team = sub.add_parser("team", help="manage teams").add_subparsers(
        dest="team_command", required=True
    )
    p = team.add_parser("list", help="list teams and their notification settings")
    p.set_defaults(func=cmd_team_list)
    p = team.add_parser("set-email", help="e-mail address for new-nomination mails")
    p.add_argument("team", help="team slug")
    p.add_argument("email", nargs="?", default="", help="empty: no e-mail")
    p.set_defaults(func=cmd_team_set_email)
    p = team.add_parser("set-review-months", help="months between reviews (issue 18)")
    p.add_argument("team", help="team slug")
    p.add_argument("months", type=int, help="1 to 12; the approach says 2")
    p.set_defaults(func=cmd_team_set_review_months)
    p = team.add_parser("set-webhook", help="URL that receives signed nomination JSON")
    p.add_argument("team", help="team slug")
    p.add_argument("url", nargs="?", default="", help="empty: no webhook")
    p.add_argument("--secret", help="signing secret (default: a new random one)")
    p.set_defaults(func=cmd_team_set_webhook)
    account = sub.add_parser("account", help="personal accounts (portal)").add_subparsers(
        dest="account_command", required=True
    )
    p = account.add_parser("add", help="make an account and print its first sign-in link")
    p.add_argument("--team", required=True, help="team slug (made if new)")
    p.add_argument("--team-name", help="team name shown in the portal")
    p.add_argument("--name", required=True)
    p.add_argument("--email", required=True)
    p.add_argument("--role", choices=("coach", "teamleider", "beheerder"), default="coach")
    p.set_defaults(func=cmd_account_add)
    p = account.add_parser("list", help="list accounts")
    p.set_defaults(func=cmd_account_list)
    p = account.add_parser("role", help="give an account another role (its sessions end)")
    p.add_argument("id")
    p.add_argument("role", choices=("coach", "teamleider", "beheerder"))
    p.set_defaults(func=cmd_account_role)
    p = account.add_parser("disable", help="switch an account off (its sessions end)")
    p.add_argument("id")
    p.set_defaults(func=cmd_account_disable)
    p = sub.add_parser("notify", help="send pending notifications")
    p.add_argument("--once", action="store_true", help="one pass, then stop (for cron)")
    p.set_defaults(func=cmd_notify)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except SettingsError as error:
        print(f"jim-kiezer: {error}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as error:
        print(f"jim-kiezer: {error.cmd[1] if len(error.cmd) > 1 else error.cmd} failed "
              f"(exit {error.returncode}); see the output above.", file=sys.stderr)  # fmt: skip
        return 1


if __name__ == "__main__":
    sys.exit(main())
