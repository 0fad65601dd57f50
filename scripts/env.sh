# Sourced by the project's scripts: puts cargo-installed tools and the npm binaryen's
# wasm-opt on PATH. Trunk and the test runner look tools up on PATH.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$_root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
unset _root
