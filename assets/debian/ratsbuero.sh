#!/bin/bash
# The command line of Ratsbüro: the program of the desktop app, started under the name
# "ratsbuero" (it then runs as the CLI, without a window). See ratsbuero(1).
exec -a ratsbuero /usr/bin/ratsbuero-desktop "$@"
