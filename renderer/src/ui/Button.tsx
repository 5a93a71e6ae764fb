import type { ButtonHTMLAttributes } from 'react';
import './button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
}

const classesOf = (variant: ButtonVariant, size: 'sm' | 'md', className?: string) =>
  ['button', `button--${variant}`, `button--${size}`, className].filter(Boolean).join(' ');

export function Button({ variant = 'secondary', size = 'md', type = 'button', className, ...rest }: ButtonProps) {
  return <button type={type} className={classesOf(variant, size, className)} {...rest} />;
}
