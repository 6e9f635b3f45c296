"""The iAM Smart client for Python 3 (standard library + python3-cryptography)."""
from .client import Callback, ContractError, IamSmartClient, IamSmartError, check

__all__ = ["Callback", "ContractError", "IamSmartClient", "IamSmartError", "check"]
