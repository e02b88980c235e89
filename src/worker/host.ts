/**
 * The worker's message handler as plain code: routes commands to the current run, owns the run
 * ids, and turns every exception into an error event instead of dying. One host could hold
 * several runs later (two runs in lockstep).
 */
import type { Command, RunId, WorkerEvent } from './protocol.ts';
import { PROTOCOL_VERSION } from './protocol.ts';
import { TrainingRun, type LoopEnv, type RunOptions } from './runLoop.ts';
import { handleHoodCommand } from './hood.ts';
import type { ExperimentConfig } from '../share/config.ts';
import { runRangeTest } from './lrFinder.ts';

/** Routes commands to the current run; reports every exception as an error event instead of dying. */
export class TrainerHost {
  private run: TrainingRun | null = null;
  private readonly env: LoopEnv;

  constructor(env: LoopEnv) {
    this.env = env;
  }

  get current(): TrainingRun | null {
    return this.run;
  }

  handle(command: Command): void {
    if (typeof command !== 'object' || command === null || typeof command.type !== 'string') {
      this.env.post({ type: 'error', message: 'The training worker received a message it does not understand.' }, []);
      return;
    }
    const runId = 'runId' in command ? command.runId : undefined;
    try {
      this.dispatch(command);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const event: WorkerEvent = { type: 'error', message };
      if (runId !== undefined) event.runId = runId;
      this.env.post(event, []);
    }
  }

  private dispatch(command: Command): void {
    if (command.type === 'hello') {
      this.env.post({ type: 'hello', protocol: PROTOCOL_VERSION, nonce: command.nonce }, []);
      return;
    }
    if (command.type === 'ping') {
      this.env.post({ type: 'pong', nonce: command.nonce }, []);
      return;
    }
    if (command.type === 'init') {
      this.replace(command.runId, command.config, {
        gridResolution: command.gridResolution,
        hiddenGridResolution: command.hiddenGridResolution,
        restore: command.restore,
        flowControl: command.flowControl,
        checkpoints:
          command.keepCheckpoints && command.restore ? this.run?.keeper.store.upTo(command.restore.epoch) : undefined,
      });
      return;
    }
    const run = this.run;
    // A command for a run that is not the current one is stale: ignore it.
    if (!run || command.runId !== run.runId) return;
    switch (command.type) {
      case 'play':
        run.play();
        break;
      case 'pause':
        run.pause();
        break;
      case 'step':
        run.step(command.epochs);
        break;
      case 'setHyperparameters':
        run.setHyperparameters(command.hyperparameters);
        break;
      case 'setSpeed':
        run.setSpeed(command.speed);
        break;
      case 'setStop':
        run.setStop(command.stop);
        break;
      case 'setWeight':
        run.setWeight(command.layer, command.to, command.from, command.value);
        break;
      case 'ack':
        run.ack(command.seq);
        break;
      case 'requestExport':
        run.sendExport(command.requestId);
        break;
      case 'setBreak':
      case 'gradCheck':
      case 'requestSpace':
        handleHoodCommand(run.built, run.config, command, this.env);
        break;
      case 'setLimit':
        run.setLimit(command.epoch, command.pause ?? false);
        break;
      case 'batchStep':
        run.batchStep(command.explain, command.requestId);
        break;
      case 'viewCheckpoint':
        run.keeper.view(command.epoch, command.requestId);
        break;
      case 'findLearningRate': {
        // From the run's initial weights: its first checkpoint (taken when the run started).
        const first = run.keeper.store.first;
        const start = first ? first.params : run.built.net.params;
        const result = runRangeTest(run.built, run.config.seed, start);
        this.env.post({ type: 'lrRange', runId: run.runId, requestId: command.requestId, result }, []);
        break;
      }
    }
  }

  private replace(runId: RunId, config: ExperimentConfig, options: RunOptions): void {
    this.run?.dispose();
    this.run = null;
    const run = new TrainingRun(runId, config, this.env, options);
    this.run = run;
    run.start();
  }
}
