from django import template

from ..links import feedback_url as _feedback_url

register = template.Library()


@register.simple_tag
def feedback_url() -> str:
    """``{% feedback_url as url %}``: the address of the "Barriere melden" form."""
    return _feedback_url()
