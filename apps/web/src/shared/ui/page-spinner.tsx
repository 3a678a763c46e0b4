import { Spin } from 'antd';

/** Centered spinner for route-level loading (lazy chunks, session check). */
export function PageSpinner() {
  return (
    <div className="sb-page-spinner">
      <Spin size="large" />
    </div>
  );
}
