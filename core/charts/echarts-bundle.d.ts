// ECharts' one-file ES bundle has no types of its own; it is the same API as the package's entry.
declare module 'echarts/dist/echarts.esm.min.mjs' {
  export * from 'echarts';
}
