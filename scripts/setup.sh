#!/usr/bin/env bash
# Prépare l'environnement de travail / prepares the working environment.
#
#   1. uv      : installé avec « python3 -m pip install --user uv » s'il est absent ;
#   2. .venv   : « uv sync --frozen », relancé seulement si uv.lock ou pyproject.toml
#                ont changé (empreinte dans .venv/.cadre-sync-stamp) ;
#   3. dot     : Graphviz, installé avec apt-get si l'on est root sur Debian/Ubuntu,
#                sinon arrêt avec un message expliquant quoi installer ;
#   4. chromium: avec --tests seulement (make test), le navigateur des tests
#                (Playwright le pilote ; il n'en télécharge aucun), paquet Debian
#                « chromium », installé de la même façon.
#
# Idempotent : un second appel ne fait que vérifier et se termine en une fraction
# de seconde.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '[setup] %s\n' "$*"; }
die() {
    printf '\n[setup] ERREUR / ERROR:\n' >&2
    printf '  %s\n' "$@" >&2
    printf '\n' >&2
    exit 1
}

# --- 1. uv --------------------------------------------------------------------
uv_cmd=()
find_uv() {
    if command -v uv >/dev/null 2>&1; then
        uv_cmd=(uv)
    elif [ -x "${HOME:-/nonexistent}/.local/bin/uv" ]; then
        uv_cmd=("$HOME/.local/bin/uv")
    elif python3 -m uv --version >/dev/null 2>&1; then
        uv_cmd=(python3 -m uv)
    else
        return 1
    fi
}

if find_uv; then
    say "uv présent : $("${uv_cmd[@]}" --version)"
else
    command -v python3 >/dev/null 2>&1 || die \
        "python3 est introuvable. Installez Python 3.11 ou plus récent." \
        "python3 not found. Install Python 3.11 or newer."
    python3 -m pip --version >/dev/null 2>&1 || die \
        "pip est introuvable pour python3 (paquet Debian : python3-pip)." \
        "pip is missing for python3 (Debian package: python3-pip)." \
        "Ou installez uv vous-même / or install uv yourself: https://docs.astral.sh/uv/"
    if python3 -c 'import sys; sys.exit(sys.prefix == sys.base_prefix)'; then
        # Dans un environnement virtuel activé, --user est refusé par pip.
        say "uv absent : installation avec « python3 -m pip install uv » (environnement virtuel $(python3 -c 'import sys; print(sys.prefix)'))"
        python3 -m pip install --quiet uv
    else
        pip_flags=(--user --quiet)
        if python3 -c 'import os, sys, sysconfig; sys.exit(not os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")))'; then
            # Python « externally managed » (PEP 668, Debian ≥ 12) : pip refuse
            # --user sans ce drapeau. uv est un binaire autonome, sans dépendance,
            # installé dans ~/.local : les paquets du système ne sont pas touchés.
            pip_flags+=(--break-system-packages)
        fi
        say "uv absent : installation avec « python3 -m pip install ${pip_flags[*]} uv »"
        python3 -m pip install "${pip_flags[@]}" uv
    fi
    find_uv || die \
        "uv a été installé mais reste introuvable (ni dans le PATH, ni ~/.local/bin, ni « python3 -m uv »)." \
        "uv was installed but cannot be found (not on PATH, not in ~/.local/bin, not as 'python3 -m uv')." \
        "Ajoutez ~/.local/bin à votre PATH / add ~/.local/bin to your PATH."
    say "uv installé : $("${uv_cmd[@]}" --version)"
fi

# --- 2. dépendances Python (.venv) -------------------------------------------------
stamp=.venv/.cadre-sync-stamp
fingerprint() {
    # uv sync --frozen n'installe que ce que dit uv.lock ; pyproject.toml compte
    # aussi car le projet lui-même y est décrit (installé en mode éditable).
    if command -v sha256sum >/dev/null 2>&1; then
        cat uv.lock pyproject.toml | sha256sum | cut -d' ' -f1
    else
        python3 -c 'import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())' \
            < <(cat uv.lock pyproject.toml)
    fi
}
want="$(fingerprint)"
have="$(cat "$stamp" 2>/dev/null || true)"
if [ "$want" = "$have" ] && [ -x .venv/bin/python ]; then
    say "dépendances Python à jour (uv.lock inchangé depuis le dernier « uv sync »)"
else
    say "installation des dépendances Python dans .venv (uv sync --frozen)"
    rm -f "$stamp"
    "${uv_cmd[@]}" sync --frozen
    printf '%s\n' "$want" > "$stamp"
fi

# Installe le paquet Debian $2 qui fournit la commande $1, si l'on est root avec apt-get ;
# échoue (code 1) sinon, pour que l'appelant explique quoi installer.
apt_install() {
    [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
    say "$1 absent : installation avec apt-get (paquet Debian « $2 »)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y "$2"
    command -v "$1" >/dev/null 2>&1 || die \
        "apt-get a terminé mais la commande « $1 » reste introuvable." \
        "apt-get finished but the '$1' command is still missing."
}

# --- 3. Graphviz (dot) ------------------------------------------------------------
if command -v dot >/dev/null 2>&1; then
    say "Graphviz présent : $(dot -V 2>&1)"
elif apt_install dot graphviz; then
    say "Graphviz installé : $(dot -V 2>&1)"
else
    die \
        "Graphviz est requis (commande « dot ») pour dessiner les diagrammes, et il est absent." \
        "Installez-le puis relancez la commande, par exemple :" \
        "    Debian/Ubuntu : sudo apt-get install graphviz" \
        "    Fedora        : sudo dnf install graphviz" \
        "    macOS         : brew install graphviz" \
        "" \
        "Graphviz (the 'dot' command) is required to draw the diagrams and was not found." \
        "Install it (see the commands above) and run the command again."
fi

# --- 4. Chromium (tests dans un navigateur) -------------------------------------------
if [ "${1:-}" != "--tests" ]; then
    say "environnement prêt"
    exit 0
fi
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
    say "Chromium présent : $( (chromium --version || chromium-browser --version) 2>/dev/null | head -n 1)"
elif apt_install chromium chromium; then
    say "Chromium installé : $(chromium --version 2>/dev/null | head -n 1)"
else
    die \
        "Chromium est requis (commande « chromium ») pour les tests du site dans un navigateur." \
        "    Debian : sudo apt-get install chromium    Ubuntu : sudo apt-get install chromium-browser" \
        "" \
        "Chromium (the 'chromium' command) is required for the in-browser tests of the site."
fi

# --- 5. Node.js, Ajv, html-validate et json-schema-to-typescript (schémas, pages, code) ----
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    say "Node.js présent : $(node --version)"
elif apt_install node nodejs && { command -v npm >/dev/null 2>&1 || apt_install npm npm; }; then
    say "Node.js installé : $(node --version)"
else
    die \
        "Node.js et npm sont requis pour valider les schémas (Ajv) et les pages (html-validate) : tests/js." \
        "    Debian/Ubuntu : sudo apt-get install nodejs npm" \
        "" \
        "Node.js and npm are required to check the schemas (Ajv) and the pages (html-validate): tests/js."
fi
# « npm ci » installe exactement tests/js/package-lock.json ; relancé seulement si le
# verrou a changé depuis la dernière installation.
js_stamp="tests/js/node_modules/.cadre-lock"
if ! cmp -s tests/js/package-lock.json "$js_stamp" 2>/dev/null; then
    say "installation d'Ajv, html-validate et json-schema-to-typescript (npm ci dans tests/js)"
    npm ci --prefix tests/js --no-audit --no-fund --loglevel=error
    cp tests/js/package-lock.json "$js_stamp"
else
    say "Ajv, html-validate et json-schema-to-typescript présents (tests/js/node_modules)"
fi

say "environnement prêt"
