// The page's first message to the Python worker: where Pyodide is, the interrupt buffer, the
// memory cap and the private port every later message travels on.

/** Page → worker, once, transferring `port`. */
export interface PythonWorkerInit {
  type: 'init';
  indexURL: string;
  interruptBuffer: SharedArrayBuffer | undefined;
  memoryLimitMb: number;
  port: MessagePort;
}
