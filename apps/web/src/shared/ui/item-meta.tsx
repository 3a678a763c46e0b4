import type { ReactNode } from 'react';

type Props = { avatar?: ReactNode; title?: ReactNode; description?: ReactNode };

/**
 * antd's `List.Item.Meta`, same classes and look, without its `<h4>` title: an item's title is not a section
 * heading, and an h4 under a page's h1 (card titles are not headings) breaks the heading order (axe heading-order).
 */
export function ItemMeta({ avatar, title, description }: Props) {
  return (
    <div className="ant-list-item-meta">
      {avatar !== undefined && <div className="ant-list-item-meta-avatar">{avatar}</div>}
      <div className="ant-list-item-meta-content">
        {title !== undefined && <div className="ant-list-item-meta-title">{title}</div>}
        {description !== undefined && <div className="ant-list-item-meta-description">{description}</div>}
      </div>
    </div>
  );
}
