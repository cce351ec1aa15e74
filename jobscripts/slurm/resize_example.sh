#!/bin/bash
# Example: start a run on one node and let the chain continue on two.
#
#   bash jobscripts/slurm/resize_example.sh [DECK [OUTDIR]]
#
# The first job runs on NODES_FIRST nodes; slabhydro.sbatch submits every
# continuation job with SLABHYDRO_NEXT_SBATCH_ARGS, here on NODES_NEXT nodes.
# slabhydro restarts a checkpoint on any rank count (each rank reads its own
# columns), and the state digest at the end is the same as for a run that
# never stopped.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
deck=${1:-inputs/sedov.yaml}
outdir=${2:-out-resize}
NODES_FIRST=${NODES_FIRST:-1}
NODES_NEXT=${NODES_NEXT:-2}
TASKS_PER_NODE=${TASKS_PER_NODE:-4}
WALLTIME=${WALLTIME:-00:30:00}

[ -r "$deck" ] || {
  echo "resize_example.sh: error: deck '$deck' cannot be read" >&2
  exit 2
}

export SLABHYDRO_DECK=$deck SLABHYDRO_OUTDIR=$outdir
export SLABHYDRO_NEXT_SBATCH_ARGS="--nodes=$NODES_NEXT --ntasks-per-node=$TASKS_PER_NODE"
sbatch --nodes="$NODES_FIRST" --ntasks-per-node="$TASKS_PER_NODE" --time="$WALLTIME" \
  "$here/slabhydro.sbatch"
