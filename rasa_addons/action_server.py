"""`python -m rasa_addons.action_server`: rasa-sdk's action server that only Rasa may call.

Why: rasa-sdk 3.6 runs every action for anyone who reaches its port (it checks nothing),
and its actions store and withdraw nominations. Rasa sends the `token` of its
`action_endpoint` (endpoints.yml: `token: ${ACTION_SERVER_TOKEN}`) as a query parameter on
every call; here a request middleware refuses any call without that token with 401, before
rasa-sdk reads the body. `/health` stays open (it says only "ok"), for the launcher and the
balancer. The token comes from the environment (ACTION_SERVER_TOKEN, which `jim run` sets
from .env), never from the command line, which every user of the machine can read.

Also: the server listens on SANIC_HOST (the launcher sets ACTION_HOST, 127.0.0.1 by
default), and the answer to an action that failed holds no request body (rasa-sdk echoes
the whole conversation back into its 500 answer and Rasa would log it).

Everything else is rasa-sdk's own server: the same arguments (`--actions`, `-p`, ...), the
same routes, the same logging set-up.
"""

from __future__ import annotations

import hmac
import logging
import os
import sys
import traceback

from sanic import response
from sanic.exceptions import SanicException
from sanic.request import Request

logger = logging.getLogger(__name__)

TOKEN_ENV = "ACTION_SERVER_TOKEN"
TOKEN_PARAM = "token"  # Rasa's EndpointConfig.token_name default
OPEN_PATHS = frozenset({"/health"})


def token_middleware(expected: str):
    """A Sanic request middleware: 401 for any call but /health without the right token."""
    expected_bytes = expected.encode("utf-8")

    async def require_token(request: Request):
        if request.path in OPEN_PATHS:
            return None
        given = request.args.get(TOKEN_PARAM) or ""
        if not hmac.compare_digest(given.encode("utf-8"), expected_bytes):
            logger.warning("refused a call to %s without the right token", request.path)
            return response.json({"error": "unauthorized"}, status=401)
        return None

    return require_token


async def _failed_action(request: Request, exception: Exception):
    """rasa-sdk's exception handler without the body: the exception's type, no data."""
    if isinstance(exception, SanicException):  # 404, 405, ...: as Sanic answers them
        return response.json({"error": type(exception).__name__}, status=exception.status_code)
    frames = traceback.extract_tb(exception.__traceback__)
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    logger.error(
        "action failed on %s: %s at %s (message left out: it may hold personal data)",
        request.path,
        type(exception).__name__,
        where,
    )
    return response.json({"error": "action failed"}, status=500)


def create_app(actions: str, token: str, cors_origins=None):
    """rasa-sdk's app for the `actions` package, calls refused without `token`."""
    from rasa_sdk.endpoint import create_app as sdk_create_app
    from rasa_sdk.plugin import plugin_manager

    app = sdk_create_app(actions, cors_origins=cors_origins or [])
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    app.register_middleware(token_middleware(token), "request")
    app.error_handler.add(Exception, _failed_action)
    return app


def main(argv: list[str] | None = None) -> int:
    from rasa_sdk import utils
    from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
    from rasa_sdk.endpoint import create_argument_parser

    token = os.environ.get(TOKEN_ENV, "")
    if len(token) < 16:
        print(f"{TOKEN_ENV} is not set (or too short): `jim run` sets it from .env.",
              file=sys.stderr)  # fmt: skip
        return 2
    args = create_argument_parser().parse_args(argv)
    logging.getLogger("matplotlib").setLevel(logging.WARN)
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(
        logging.getLogger(APPLICATION_ROOT_LOGGER_NAME),
        args.log_file,
        args.loglevel,
        args.logging_config_file,
    )
    utils.update_sanic_log_level()
    app = create_app(args.actions, token, cors_origins=args.cors)
    host = os.environ.get("SANIC_HOST", "127.0.0.1")
    logger.info("Action server on http://%s:%s (calls need the token)", host, args.port)
    app.run(host, args.port, workers=utils.number_of_sanic_workers(), access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
